"""Decoy: when the refresh is refused, call store.logout() and return the 401 response.

Wrong because the caller is not stopped: code that reads response.json() after the call
carries on with an error body as if it were data. The end of the session is an exception
(SessionExpired), so no caller can mistake it for an answer.
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
        if response.status_code != 401:
            return response
        refreshed = await self.http.post(REFRESH_PATH, json={"refresh_token": self.store.refresh_token})
        if refreshed.status_code != 200:
            self.store.logout()
            return response
        tokens = refreshed.json()
        self.store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
        response = await self._send(method, url, tokens["access_token"], **kwargs)
        if response.status_code == 401:
            self.store.logout()
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)
