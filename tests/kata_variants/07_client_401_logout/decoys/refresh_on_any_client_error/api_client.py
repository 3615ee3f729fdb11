"""Decoy: refresh and retry on any 4xx answer, not only 401.

Wrong because a 404, 403 or 422 says nothing about the token: refreshing for it rotates the
session for nothing (and a 403 would then retry a request that is forbidden anyway).
"""

from typing import Any

import httpx

from workbook.client import AuthStore

REFRESH_PATH = "/auth/refresh"


class SessionExpired(Exception):
    """The session is over: the user must log in again."""


class ApiClient:
    def __init__(self, http: httpx.AsyncClient, store: AuthStore) -> None:
        self.http = http
        self.store = store


    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        if self.store.access_token is None:
            raise SessionExpired("not logged in")
        response = await self._send(method, url, self.store.access_token, **kwargs)
        if not response.is_client_error:
            return response
        refreshed = await self.http.post(REFRESH_PATH, json={"refresh_token": self.store.refresh_token})
        if refreshed.status_code != 200:
            self.store.logout()
            raise SessionExpired("the session is over; log in again")
        tokens = refreshed.json()
        self.store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
        response = await self._send(method, url, tokens["access_token"], **kwargs)
        if response.status_code == 401:
            self.store.logout()
            raise SessionExpired("refused again; log in again")
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)
