"""Is the app ready to serve traffic? What /health/ready answers.

The route calls ``check_readiness`` with a session on the app's database: 200 when the
verdict is ready, 503 (with ``database`` telling what went wrong) when it is not.
"""

import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness

# Well under the probe's own timeout (1 s): the probe must get our "no", not its own.
DATABASE_TIMEOUT_SECONDS = 0.5


async def check_readiness(session: AsyncSession) -> Readiness:
    """Ready when the database answers a query, in time: a round trip, not a look at
    objects in memory."""
    try:
        async with asyncio.timeout(DATABASE_TIMEOUT_SECONDS):
            await session.execute(text("SELECT 1"))
    except Exception as exc:  # refused, dropped, timed out: any of them means "not ready"
        return Readiness(ready=False, database=type(exc).__name__)
    return Readiness(ready=True, database="ok")
