"""Decoy: set expires_at of the login's rows to now, "so the tokens expire".

Wrong because a token's expiry is the exp claim inside the signed token, which no row can
change; the row's expires_at records it (for clean-up), and POST /auth/refresh decides by
revoked_at (and whether the row exists). The tokens keep minting new pairs.
"""

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    await session.execute(
        update(RefreshSession).where(RefreshSession.family_id == stored.family_id).values(expires_at=now)
    )
