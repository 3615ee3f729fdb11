"""Decoy: any 401 logs the user out.

Wrong because an expired access token is the normal case, every 15 minutes: the refresh
token exists to get a new one without asking for the password. Logging out at once sends
the user to the login page four times an hour.
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
        if response.status_code == 401:
            self.store.logout()
            raise SessionExpired("unauthorized; log in again")
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)
