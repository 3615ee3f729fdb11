"""Decoy: while the answer is 401, refresh and try again.

Wrong because nothing bounds the loop: when the server keeps refusing even a fresh token
(a disabled account behind a cache, a clock skew, a bug), the client refreshes and retries
for ever, hammering the server. One refresh and one retry, then log out.
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
        while response.status_code == 401:
            refreshed = await self.http.post(REFRESH_PATH, json={"refresh_token": self.store.refresh_token})
            if refreshed.status_code != 200:
                self.store.logout()
                raise SessionExpired("the session is over; log in again")
            tokens = refreshed.json()
            self.store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
            response = await self._send(method, url, tokens["access_token"], **kwargs)
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)
