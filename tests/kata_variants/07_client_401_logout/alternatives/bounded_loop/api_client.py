"""Alternative: a for loop over two attempts, refreshing between them.

Right because range(2) bounds it: at most one refresh and one retry, whatever the server
answers; the refused refresh and the second 401 both end in logout() and SessionExpired.
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
        for attempt in range(2):
            if self.store.access_token is None:
                raise SessionExpired("not logged in")
            response = await self._send(method, url, self.store.access_token, **kwargs)
            if response.status_code != 401:
                return response
            if attempt == 1:
                break
            refreshed = await self.http.post(REFRESH_PATH, json={"refresh_token": self.store.refresh_token})
            if refreshed.status_code != 200:
                break
            tokens = refreshed.json()
            self.store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
        self.store.logout()
        raise SessionExpired("the session is over; log in again")

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)
