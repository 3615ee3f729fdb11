"""Decoy: delete the server's record of the refresh token presented.

Deleting the row does end that token (POST /auth/refresh refuses a token it has no
record of). Wrong because it is only that one token: logging out with an older token of
the login deletes a row that was already rotated, and the newest token of the same login
lives on.
"""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    await session.delete(stored)
