"""A broker a test can wait on: it says when a publication has been delivered."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from workbook.app.realtime import Deliver, InMemoryBroker, Message


class DeliveryCountingBroker(InMemoryBroker):
    """An InMemoryBroker that counts the deliveries its subscribers have finished (each
    one a ``manager.broadcast`` call, returned or raised).

    Once a publication is delivered, every message its broadcast sent is on its way: a
    message a client has not got by the next answer it asks for will never come. That
    lets a test tell "not delivered" from "not yet" without waiting on a clock.
    """

    def __init__(self) -> None:
        super().__init__()
        self.delivered = 0
        self._changed = asyncio.Condition()

    @asynccontextmanager
    async def subscribe(self, deliver: Deliver) -> AsyncIterator[None]:
        async def counted(room: str, message: Message) -> object:
            try:
                return await deliver(room, message)
            finally:
                async with self._changed:
                    self.delivered += 1
                    self._changed.notify_all()

        async with super().subscribe(counted):
            yield

    async def wait_delivered(self, count: int, *, timeout: float = 2.0) -> None:
        """Wait until ``count`` deliveries have finished in all. Only a broadcast that
        never returns takes ``timeout`` seconds: that fails with an AssertionError."""
        try:
            async with asyncio.timeout(timeout), self._changed:
                await self._changed.wait_for(lambda: self.delivered >= count)
        except TimeoutError:
            raise AssertionError(
                f"a broadcast did not return within {timeout:g} s of its message being published "
                f"({self.delivered} of {count} deliveries finished): something in it waits forever"
            ) from None
