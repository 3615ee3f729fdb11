"""Decoy: a round trip with a timeout, where an error means not ready but a timeout means
"slow, still up".

Wrong because a database that does not answer within the probe's time serves no request
either: the requests sent to this app would wait just the same. No answer is not ready.
"""

import asyncio

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness


async def check_readiness(session: AsyncSession) -> Readiness:
    try:
        async with asyncio.timeout(0.5):
            await session.execute(text("SELECT 1"))
    except TimeoutError:
        return Readiness(ready=True, database="slow")
    except Exception as exc:
        return Readiness(ready=False, database=type(exc).__name__)
    return Readiness(ready=True, database="ok")
