"""Decoy: revoke every refresh token of the user ("log out means log out").

The logged-out login is over, every test of it passes. Wrong because it ends the user's
other logins too: logging out of a laptop signs the phone out. That is "log out
everywhere", a different action a user chooses on purpose; logout ends the login it was
made in (its family_id).
"""

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    await session.execute(
        update(RefreshSession)
        .where(RefreshSession.user_id == stored.user_id, RefreshSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
