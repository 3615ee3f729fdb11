"""Decoy: check the database once, in time, and remember the verdict (probes come every
few seconds; why ask again?).

Wrong because the database goes down and comes back while the app runs: the first verdict
(ready, at start-up) stays the answer through an outage. Readiness must follow the database,
so every probe asks it afresh (SELECT 1 costs next to nothing).
"""

import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness

_verdict: Readiness | None = None


async def check_readiness(session: AsyncSession) -> Readiness:
    global _verdict
    if _verdict is None:
        try:
            async with asyncio.timeout(0.5):
                await session.execute(text("SELECT 1"))
        except Exception as exc:
            return Readiness(ready=False, database=type(exc).__name__)
        _verdict = Readiness(ready=True, database="ok")
    return _verdict
