"""Rate limiting through `limits` (chapter 08).

Why `limits` itself rather than slowapi (which is built on it): slowapi attaches limits
with decorators on one Limiter made at import time, which every app instance would share
(this project builds a fresh app per test and per notebook), needs a `request` parameter
on every limited endpoint, and its ready-made key function for proxies reads
X-Forwarded-For from anyone. Here a limit is a FastAPI dependency, each app has its own
counters, and the key (user or client address) comes from a dependency a test or a kata
can replace.

Counters live in this process's memory, in a moving window: N hits within any window of
the limit's length, with no burst of 2N across a window boundary (a fixed window's weak
spot). Several app processes would need a shared storage (limits speaks Redis too).
`limits` is imported on the first hit, so apps that never reach a limited route (kata runs)
do not pay for it.
"""

import math
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from limits import RateLimitItem
    from limits.aio.strategies import MovingWindowRateLimiter


class RateLimitExceeded(Exception):
    def __init__(self, name: str, retry_after: int) -> None:
        super().__init__(f"rate limit {name!r} exceeded: retry in {retry_after} s")
        self.retry_after = retry_after


class RateLimiter:
    """Named limits ("login": "5/minute", ...), each counted per key."""

    def __init__(self, limits: Mapping[str, str]) -> None:
        self._notations = dict(limits)
        self._items: dict[str, RateLimitItem] = {}
        self._strategy: MovingWindowRateLimiter | None = None

    async def hit(self, name: str, key: str) -> None:
        """Count one request of ``key`` against limit ``name``; RateLimitExceeded (with the
        seconds until one more would be allowed) when it is over."""
        strategy, item = self._limit(name)
        if await strategy.hit(item, name, key):
            return
        reset_at, _remaining = await strategy.get_window_stats(item, name, key)
        # Retry-After is whole seconds; round up, so a client that waits that long is let in.
        raise RateLimitExceeded(name, retry_after=max(1, math.ceil(reset_at - time.time())))

    def _limit(self, name: str) -> "tuple[MovingWindowRateLimiter, RateLimitItem]":
        if self._strategy is None:
            from limits import parse
            from limits.aio.storage import MemoryStorage
            from limits.aio.strategies import MovingWindowRateLimiter

            self._strategy = MovingWindowRateLimiter(MemoryStorage())
            self._items = {limit: parse(notation) for limit, notation in self._notations.items()}
        return self._strategy, self._items[name]
