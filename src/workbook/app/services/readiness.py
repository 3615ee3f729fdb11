"""Is the app ready to serve traffic? The readiness probe's check."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class Readiness:
    ready: bool
    database: str  # "ok", or the name of the error reaching it raised


# What /health/ready runs; get_readiness_check in api/deps.py provides it (a chapter-09
# kata replaces it through app.dependency_overrides).
ReadinessCheck = Callable[[AsyncSession], Awaitable[Readiness]]


# Well under a probe's usual timeout (1 s, Kubernetes' default): the probe must get our
# "no", not time out on a database that accepts connections and never answers.
DATABASE_TIMEOUT_SECONDS = 0.5


async def check_readiness(session: AsyncSession) -> Readiness:
    """Ready when the database answers a query, in time: a round trip, not just a
    configured engine."""
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS):
            await session.execute(text("SELECT 1"))
    except Exception as exc:  # refused, dropped, timed out: any of them means "not ready"
        return Readiness(ready=False, database=type(exc).__name__)
    return Readiness(ready=True, database="ok")
