"""Is the app ready to serve traffic? The readiness probe's check."""

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


async def check_readiness(session: AsyncSession) -> Readiness:
    """Ready when the database answers a query: a round trip, not just a configured engine."""
    try:
        await session.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to reach the database means "not ready"
        return Readiness(ready=False, database=type(exc).__name__)
    return Readiness(ready=True, database="ok")
