"""The "legacy scoring service": a synchronous client (it blocks the calling thread while
it waits), and the asynchronous one its vendor shipped later. Each answer takes
``delay_s`` seconds, like a remote call would."""

import asyncio
import time
import zlib


def score_of(name: str) -> int:
    """The score the service gives an agent name: stable, 0 to 99."""
    return zlib.crc32(name.encode()) % 100


class LegacyScoringClient:
    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s

    def score(self, name: str) -> int:
        time.sleep(self.delay_s)  # the thread waits: in an async route, so does every request
        return score_of(name)


class AsyncScoringClient:
    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s

    async def score(self, name: str) -> int:
        await asyncio.sleep(self.delay_s)  # the event loop serves other requests meanwhile
        return score_of(name)
