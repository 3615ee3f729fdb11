"""Your component: what logging out does on the server.

POST /auth/logout {"refresh_token": ...} checks the token, loads the server's record of
it (``stored``, a RefreshSession row: see workbook/app/models/refresh_session.py) and
calls ``revoke_session``; the auth service commits right after it returns. POST
/auth/refresh trades a refresh token for a new pair for as long as the server's record
says the token is good.
"""

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    """End the login ``stored`` belongs to: afterwards none of its refresh tokens may
    mint new tokens. The user's other logins (other devices) go on."""
    # A signed token stays valid until its exp whatever the client does with its copy:
    # the server's record is what ends it. Every token of this login (its family), not
    # only the one presented: another tab may hold a newer one.
    await session.execute(
        update(RefreshSession)
        .where(RefreshSession.family_id == stored.family_id, RefreshSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
