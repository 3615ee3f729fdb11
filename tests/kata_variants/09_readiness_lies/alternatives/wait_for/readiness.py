"""Alternative: asyncio.wait_for around the query instead of an asyncio.timeout block.

Right because it is the same round trip with the same bound; wait_for cancels the query and raises
TimeoutError when the time is up, and any exception means not ready.
"""

import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness


async def check_readiness(session: AsyncSession) -> Readiness:
    try:
        await asyncio.wait_for(session.execute(text("SELECT 1")), timeout=0.5)
    except Exception as exc:
        return Readiness(ready=False, database=type(exc).__name__)
    return Readiness(ready=True, database="ok")
