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
        """Send the request with the access token and answer the response. On a 401:
        refresh once and retry once; if either is refused, log out and raise."""
        token = self.store.access_token
        if token is None:
            raise SessionExpired("not logged in")
        response = await self._send(method, url, token, **kwargs)
        if response.status_code != 401:
            return response
        refreshed = await self.http.post(REFRESH_PATH, json={"refresh_token": self.store.refresh_token})
        if refreshed.status_code != 200:
            self.store.logout()
            raise SessionExpired(f"the session is over (refresh answered {refreshed.status_code}); log in again")
        tokens = refreshed.json()
        self.store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
        response = await self._send(method, url, tokens["access_token"], **kwargs)
        if response.status_code == 401:  # refused even with a fresh token: do not go round again
            self.store.logout()
            raise SessionExpired(f"{method} {url} was refused even with a fresh token; log in again")
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)
