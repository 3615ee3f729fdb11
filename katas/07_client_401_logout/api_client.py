"""Your component: the API client's ``request``, which every call goes through.

It sends the store's access token. The access token lives 15 minutes; the refresh token
trades for a new pair at POST /auth/refresh (body {"refresh_token": ...}: 200 with
{"access_token", "refresh_token", ...}, or 401 when the session is over). ``store`` is a
workbook.client.AuthStore: ``set_tokens(...)`` keeps a new pair, ``logout()`` clears the
tokens and tells the app the user must log in again.
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
        """Send the request with the access token and answer the response."""
        token = self.store.access_token
        if token is None:
            raise SessionExpired("not logged in")
        return await self._send(method, url, token, **kwargs)

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)
