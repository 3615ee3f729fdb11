"""Decoy: ready when the session is bound to an engine.

Wrong because the session and its engine are objects in memory: they exist whether or not
the database behind them answers. With the database down this still says ready; only a
round trip to the database tells.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness


async def check_readiness(session: AsyncSession) -> Readiness:
    if session.bind is None:
        return Readiness(ready=False, database="NoEngine")
    return Readiness(ready=True, database="ok")
