"""Alternative: an httpx.Auth whose auth flow refreshes once, the way httpx documents it.

Right because httpx runs the flow for each request: it sends the request and, on a 401, the
flow yields the refresh request, then the request again with the new token, once each. The
client turns a 401 that is left standing into logout() and SessionExpired.
"""

from collections.abc import Generator
from typing import Any

import httpx

from workbook.client import AuthStore

REFRESH_PATH = "/auth/refresh"


class SessionExpired(Exception):
    """The session is over: the user must log in again."""


class RefreshOnce(httpx.Auth):
    requires_response_body = True  # the flow reads the refresh answer

    def __init__(self, store: AuthStore, refresh_url: httpx.URL) -> None:
        self.store = store
        self.refresh_url = refresh_url

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.store.access_token}"
        response = yield request
        if response.status_code != 401:
            return
        refreshed = yield httpx.Request("POST", self.refresh_url, json={"refresh_token": self.store.refresh_token})
        if refreshed.status_code != 200:
            return  # the first 401 stands
        tokens = refreshed.json()
        self.store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
        request.headers["Authorization"] = f"Bearer {tokens['access_token']}"
        yield request


class ApiClient:
    def __init__(self, http: httpx.AsyncClient, store: AuthStore) -> None:
        self.http = http
        self.store = store

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        if self.store.access_token is None:
            raise SessionExpired("not logged in")
        auth = RefreshOnce(self.store, self.http.base_url.join(REFRESH_PATH))
        response = await self.http.request(method, url, auth=auth, **kwargs)
        if response.status_code == 401:
            self.store.logout()
            raise SessionExpired("the session is over; log in again")
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)
