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
from typing import Any, Protocol, runtime_checkable


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
