"""Decoy: revoke the refresh token presented, and only that one.

It works while the client logs out with its newest token. Wrong because one login is a
chain of rotated tokens: a tab still holding an older token of the login logs out with
it, that (already rotated) token is revoked again, and the newest token, in another tab
or in a thief's hands, keeps minting new pairs.
"""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    stored.revoked_at = now
