"""An API client that sends the access token and copes with its end.

On a 401 it refreshes ONCE (POST /auth/refresh, which rotates the refresh token) and
retries the request ONCE with the new access token. If the refresh is refused, or the
retry is refused too, the session is over: ``store.logout()`` and SessionExpired. It never
loops, and never keeps a token the server has refused. (A retried request is sent again
from the same arguments: ``json=``/``data=``/``content=`` bytes, not a one-shot stream.)

Concurrent requests that all meet a 401 share one refresh: the first takes a lock and
refreshes, the others wait for it and retry with its token. Without that, each would send
the same refresh token, and the server's reuse detection would revoke the whole session.
"""

import asyncio
from typing import Any

import httpx

from workbook.client.auth_store import AuthStore

REFRESH_PATH = "/auth/refresh"


class SessionExpired(Exception):
    """The session is over (refresh refused): the user must log in again."""


class ApiClient:
    def __init__(self, http: httpx.AsyncClient, store: AuthStore) -> None:
        self.http = http
        self.store = store
        self._refreshing = asyncio.Lock()

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        token = self.store.access_token
        if token is None:
            raise SessionExpired("not logged in")
        response = await self._send(method, url, token, **kwargs)
        if response.status_code != 401:
            return response
        token = await self._refreshed(after=token)
        response = await self._send(method, url, token, **kwargs)
        if response.status_code == 401:
            # A token minted a moment ago is refused: retrying again would only loop.
            self.store.logout()
            raise SessionExpired(f"{method} {url} was refused even with a fresh token")
        return response

    async def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("GET", url, **kwargs)

    async def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return await self.request("POST", url, **kwargs)

    async def _send(self, method: str, url: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return await self.http.request(method, url, headers=headers, **kwargs)

    async def _refreshed(self, *, after: str) -> str:
        """A new access token to replace ``after``, refreshing at most once for all the
        requests that were refused with it."""
        async with self._refreshing:
            if self.store.access_token != after:  # another request refreshed (or logged out) meanwhile
                if self.store.access_token is None:
                    raise SessionExpired("the session ended while this request waited")
                return self.store.access_token
            refresh_token = self.store.refresh_token
            response = None
            if refresh_token is not None:
                response = await self.http.post(REFRESH_PATH, json={"refresh_token": refresh_token})
            if response is None or response.status_code != 200:
                self.store.logout()
                detail = "no refresh token" if response is None else f"{response.status_code} {response.text}"
                raise SessionExpired(f"the session is over (refresh refused: {detail}); log in again")
            tokens = response.json()
            self.store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
            return tokens["access_token"]
