"""The Redis pub/sub broker: broadcasts reach the clients of every app instance.

A module of its own so that apps without Redis never import the client library.
"""

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any, Self

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from workbook.app.realtime.broker import Deliver, Message, _deliver_safely, _log_death

log = logging.getLogger(__name__)


class RedisBroker:
    """Redis pub/sub: one channel per room (``<prefix><room>``), one pattern subscription
    (``<prefix>*``) per instance. Every instance receives every room's messages; rooms
    without local sockets cost one dictionary lookup."""

    reconnect_delay = 0.1  # seconds, doubled after each failed attempt...
    max_reconnect_delay = 5.0  # ...up to this

    def __init__(self, client: aioredis.Redis, *, prefix: str = "workbook:room:") -> None:
        self.client = client
        self.prefix = prefix

    @classmethod
    def from_url(cls, url: str, *, prefix: str = "workbook:room:", **options: Any) -> Self:
        """``options`` go to ``redis.asyncio.Redis.from_url`` (e.g. ``client_name``).

        By default a command that meets a dropped connection (a pooled connection that a
        Redis restart closed) is retried on a new one: without it the first PUBLISH after
        a restart raised ConnectionError (measured with redis-py 8.1).
        """
        options.setdefault("retry", Retry(ExponentialBackoff(cap=1.0, base=0.05), 3))
        options.setdefault("retry_on_error", [RedisConnectionError, RedisTimeoutError])
        return cls(aioredis.Redis.from_url(url, decode_responses=True, **options), prefix=prefix)

    def channel(self, room: str) -> str:
        return self.prefix + room

    async def publish(self, room: str, message: Message) -> None:
        await self.client.publish(self.channel(room), json.dumps(message))

    @asynccontextmanager
    async def subscribe(self, deliver: Deliver) -> AsyncIterator[None]:
        pubsub = self.client.pubsub()
        pattern = self.prefix + "*"
        try:
            await pubsub.psubscribe(pattern)
            # Wait for the server's confirmation: until then a publication can be missed.
            while True:
                confirmation = await pubsub.get_message(timeout=5.0)
                if confirmation is None:
                    raise TimeoutError(f"Redis did not confirm the subscription to {pattern!r}")
                if confirmation["type"] == "psubscribe":
                    break

            async def listen() -> None:
                delay = self.reconnect_delay
                while True:
                    try:
                        if not pubsub.subscribed:  # listen() returns once nothing is subscribed
                            await pubsub.psubscribe(pattern)
                        async for item in pubsub.listen():
                            delay = self.reconnect_delay
                            if item["type"] != "pmessage":
                                continue  # (re)subscription confirmations
                            room = item["channel"][len(self.prefix) :]
                            try:
                                message = json.loads(item["data"])
                            except ValueError:
                                log.warning("skipping a non-JSON message on %r", item["channel"])
                                continue
                            await _deliver_safely(deliver, room, message)
                    except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
                        # redis-py reconnects and subscribes again on the next read; what
                        # was published meanwhile is lost (pub/sub is at most once).
                        log.warning("Redis subscription lost (%s): retrying in %.1f s", exc, delay)
                        await asyncio.sleep(delay)
                        delay = min(delay * 2, self.max_reconnect_delay)

            listener = asyncio.create_task(listen(), name="RedisBroker listener")
            listener.add_done_callback(_log_death)
            try:
                yield
            finally:
                listener.cancel()
                with suppress(asyncio.CancelledError, Exception):  # its death was logged
                    await listener
                with suppress(Exception):  # a lost connection has no subscription to end
                    await pubsub.punsubscribe(pattern)
        finally:
            await pubsub.aclose()

    async def aclose(self) -> None:
        """Close the client's connections (the app's shutdown, after the subscription)."""
        await self.client.aclose()
