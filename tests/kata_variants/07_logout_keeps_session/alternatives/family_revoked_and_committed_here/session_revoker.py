"""Alternative: revoke the whole family, every row of it (already rotated ones get a new
revoked_at), and commit here as well.

Right because every token of the login stops working and other logins are untouched.
Overwriting revoked_at of rotated rows loses when they were rotated, which no check
reads; the extra commit is harmless (the service's commit then has nothing to do).
"""

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    await session.execute(
        update(RefreshSession).where(RefreshSession.family_id == stored.family_id).values(revoked_at=now)
    )
    await session.commit()
