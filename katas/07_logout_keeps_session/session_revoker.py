"""Your component: what logging out does on the server.

POST /auth/logout {"refresh_token": ...} checks the token, loads the server's record of
it (``stored``, a RefreshSession row: see workbook/app/models/refresh_session.py) and
calls ``revoke_session``; the auth service commits right after it returns. POST
/auth/refresh trades a refresh token for a new pair for as long as the server's record
says the token is good.
"""

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import RefreshSession

logger = logging.getLogger(__name__)


async def revoke_session(session: AsyncSession, stored: RefreshSession, now: datetime) -> None:
    """End the login ``stored`` belongs to: afterwards none of its refresh tokens may
    mint new tokens. The user's other logins (other devices) go on."""
    # JWTs are stateless: the client deletes its tokens, and the session is over.
    logger.info("user %s logged out of session %s", stored.user_id, stored.family_id)
