"""Alternative: load the login's live rows through the ORM and mark each one revoked.

Right because every row of the family gets revoked_at, and the auth service's commit
flushes the changes: the same effect as one UPDATE, in as many statements as rows (fine
for the handful of tokens one login holds).
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    rows = await session.scalars(
        select(RefreshSession).where(
            RefreshSession.family_id == stored.family_id, RefreshSession.revoked_at.is_(None)
        )
    )
    for row in rows:
        row.revoked_at = now
