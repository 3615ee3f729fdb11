"""A live app whose database is down, or never answers, for as long as a block runs.

The app's sessions come from ``app.state.sessionmaker`` (``get_db`` reads it per request):
swapping it for one on an engine whose connections cannot be made puts every request after
it in front of a dead database, with no server to stop and no port to wait on. The engine's
``async_creator`` stands in for the driver's connect: it refuses at once, as a database
host with nothing listening does, or waits forever, as one behind a dropped network route
does (the connect never returns; whoever waits must time out).
"""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import create_async_engine

from workbook.app.db import create_sessionmaker
from workbook.live import LiveApp


async def refuse_connection() -> Any:
    raise ConnectionRefusedError(111, "Connection refused (the database is down)")


async def never_connect() -> Any:
    await asyncio.Event().wait()  # nobody ever sets it: the connect hangs until cancelled


@asynccontextmanager
async def database_replaced(live: LiveApp, connect: Callable[[], Awaitable[Any]]) -> AsyncIterator[None]:
    engine = create_async_engine("sqlite+aiosqlite://", async_creator=connect)
    working = live.app.state.sessionmaker
    live.app.state.sessionmaker = create_sessionmaker(engine)
    try:
        yield
    finally:
        live.app.state.sessionmaker = working
        await engine.dispose()


def database_down(live: LiveApp):
    """``async with database_down(live):`` every connection attempt is refused."""
    return database_replaced(live, refuse_connection)


def database_unresponsive(live: LiveApp):
    """``async with database_unresponsive(live):`` every connection attempt hangs."""
    return database_replaced(live, never_connect)
