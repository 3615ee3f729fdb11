"""Watching a client from outside: what it sent, what it was refused, how often it logged
out; and an expired token to start from. Used by tests, the katas and notebook 07."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from workbook.app.security.tokens import TokenService
from workbook.live import BASE_URL, LiveApp


class RunawayClient(BaseException):
    """The client sent more requests than any correct client would for one call.

    A BaseException, like KeyboardInterrupt, so that an ``except Exception`` inside the
    client cannot swallow it and go round again."""


class Traffic:
    """Counts, through httpx event hooks, the requests a client sends (by path) and the 401s
    it gets. Past ``limit`` requests it stops the client with RunawayClient: a client that
    retries without end is stopped here, after a few requests, not by a timeout."""

    def __init__(self, limit: int = 10) -> None:
        self.limit = limit
        self.sent: Counter[str] = Counter()
        self.refused = 0

    @property
    def event_hooks(self) -> dict[str, list[Any]]:
        return {"request": [self._on_request], "response": [self._on_response]}

    @property
    def total(self) -> int:
        return sum(self.sent.values())

    async def _on_request(self, request: httpx.Request) -> None:
        self.sent[request.url.path] += 1
        if self.total > self.limit:
            raise RunawayClient(f"{self.total} requests and still going: {dict(self.sent)}")

    async def _on_response(self, response: httpx.Response) -> None:
        self.refused += response.status_code == 401


class Logouts:
    """An ``on_logout`` callback that counts its calls."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def watched_http(live: LiveApp, traffic: Traffic) -> httpx.AsyncClient:
    """An httpx client to the live app whose traffic ``traffic`` counts."""
    return httpx.AsyncClient(transport=live.transport(), base_url=BASE_URL, event_hooks=traffic.event_hooks)


def expired_access_token(live: LiveApp, user_id: int) -> str:
    """An access token of the live app (its secret) for this user that expired an hour ago."""
    two_hours_ago = datetime.now(UTC) - timedelta(hours=2)
    return TokenService.from_settings(live.app.state.settings, now=lambda: two_hours_ago).issue_access(user_id=user_id).token
