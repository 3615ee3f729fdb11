"""Ending a login session on the server: what logout does (chapter 07).

A refresh token is only as good as its row in refresh_sessions: POST /auth/refresh
refuses a token whose row is revoked (or gone). So logging out means changing those rows;
a client that deletes its own copy of the tokens has ended nothing.
"""

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession

# (session, the row of the refresh token presented, now) -> None. The caller commits.
SessionRevoker = Callable[[AsyncSession, RefreshSession, datetime], Awaitable[None]]


async def revoke_family(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    """Revoke every token of the login ``stored`` belongs to: the one presented, and the
    ones rotated from it or to it (another tab may hold a newer one). Other logins of the
    same user (other devices) are left alone."""
    await revoke_family_id(session, stored.family_id, now)


async def revoke_family_id(session: AsyncSession, family_id: str, now: datetime) -> None:
    await session.execute(
        update(RefreshSession)
        .where(RefreshSession.family_id == family_id, RefreshSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
