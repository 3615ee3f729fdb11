"""Decoy: a real round trip (SELECT 1), any error meaning not ready, but no timeout.

Right while the database refuses connections. Wrong because a database that never answers
(a dropped network route, a full connection queue) makes the query wait for as long as the
driver does: the probe gives up after its own timeout and every probe leaves one more
request hanging inside the app.
"""

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness


async def check_readiness(session: AsyncSession) -> Readiness:
    try:
        await session.execute(text("SELECT 1"))
    except Exception as exc:
        return Readiness(ready=False, database=type(exc).__name__)
    return Readiness(ready=True, database="ok")
