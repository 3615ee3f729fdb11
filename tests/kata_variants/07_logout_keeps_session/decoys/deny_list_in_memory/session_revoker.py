"""Decoy: remember the logged-out session in a set in this module, a deny-list.

Wrong because nothing reads it: POST /auth/refresh asks the database, not this set. And
were something taught to read it, a set in one process is empty after a restart and
unknown to every other worker. (The same mistake as "revoking" the access token in a list
nobody consults: the server's refresh check is what must change.)
"""

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession

LOGGED_OUT: set[str] = set()  # login sessions (family ids) that were logged out


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    LOGGED_OUT.add(stored.family_id)
