"""Brokers: carry a room's broadcast to every app instance, each of which delivers it to
its own sockets through its ConnectionManager.

    broker = InMemoryBroker()                     # or RedisBroker.from_url(settings.redis_url)
    async with broker.subscribe(manager.broadcast):   # in the app's lifespan
        ...
    await broker.publish("lobby", {"text": "hi"})     # in the endpoint, instead of broadcast

Every subscriber receives every publication, its publisher's own instance included: an
endpoint that publishes must not also broadcast locally, or its own clients get it twice.
Each subscription delivers one message at a time, in publication order.
"""

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from typing import Any, Protocol, Self, runtime_checkable

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

log = logging.getLogger(__name__)

Message = dict[str, Any]
Deliver = Callable[[str, Message], Awaitable[object]]


@runtime_checkable
class Broker(Protocol):
    async def publish(self, room: str, message: Message) -> None:
        """Send ``message`` to the room on every subscribed instance."""
        ...

    def subscribe(self, deliver: Deliver) -> AbstractAsyncContextManager[None]:
        """While the context is open, a listener task calls ``deliver(room, message)`` for
        every publication (subscribed once the context is entered)."""
        ...


async def _deliver_safely(deliver: Deliver, room: str, message: Message) -> None:
    # One failing delivery must not kill the listener: later messages still flow.
    try:
        await deliver(room, message)
    except Exception:
        log.exception("delivering a broadcast to room %r failed", room)


def _log_death(task: "asyncio.Task[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("the Redis listener stopped: no broadcast reaches this instance", exc_info=task.exception())


class InMemoryBroker:
    """One object shared by several app instances of the same process (notebooks, tests).

    Messages go through JSON, as over Redis: every instance gets its own copy, and what
    JSON cannot carry fails at ``publish``.
    """

    def __init__(self) -> None:
        self._queues: set[asyncio.Queue[tuple[str, str]]] = set()

    @property
    def subscribers(self) -> int:
        return len(self._queues)

    async def publish(self, room: str, message: Message) -> None:
        text = json.dumps(message)
        for queue in list(self._queues):
            queue.put_nowait((room, text))

    @asynccontextmanager
    async def subscribe(self, deliver: Deliver) -> AsyncIterator[None]:
        queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

        async def listen() -> None:
            while True:
                room, text = await queue.get()
                await _deliver_safely(deliver, room, json.loads(text))

        self._queues.add(queue)
        listener = asyncio.create_task(listen(), name="InMemoryBroker listener")
        try:
            yield
        finally:
            self._queues.discard(queue)
            listener.cancel()
            with suppress(asyncio.CancelledError):
                await listener


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
