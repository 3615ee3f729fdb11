"""Decoy: run the query in time, but swallow any error and answer ready ("a failing probe
would restart the pods").

Wrong because that fear belongs to liveness. A failing readiness probe only takes the app
out of the load balancer until the database is back, which is what should happen: answering
ready sends traffic that can only get 500s.
"""

import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness


async def check_readiness(session: AsyncSession) -> Readiness:
    try:
        async with asyncio.timeout(0.5):
            await session.execute(text("SELECT 1"))
    except Exception as exc:
        return Readiness(ready=True, database=f"degraded: {type(exc).__name__}")
    return Readiness(ready=True, database="ok")
