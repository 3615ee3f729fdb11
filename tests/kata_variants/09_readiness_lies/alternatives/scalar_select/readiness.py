"""Alternative: session.scalar(select(1)) inside the timeout, and the answer compared.

Right because it is a round trip to the database, bounded in time; checking that it answered 1 adds
nothing a healthy database could fail, and costs nothing.
"""

import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness


async def check_readiness(session: AsyncSession) -> Readiness:
    try:
        async with asyncio.timeout(0.5):
            answered = await session.scalar(select(1))
    except Exception as exc:
        return Readiness(ready=False, database=type(exc).__name__)
    if answered != 1:
        return Readiness(ready=False, database=f"unexpected answer {answered!r}")
    return Readiness(ready=True, database="ok")
