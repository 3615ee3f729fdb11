"""Decoy: keep reading the claims unverified, but check them carefully: a subject, an
expiry in the future, the access type.

Wrong because whoever writes the claims writes them right: an attacker's token has a
valid sub, a future exp and "type": "access". Checking what a token says proves nothing
about who said it; only the signature does. (It does refuse the expired token.)
"""

import time
from typing import Annotated

import jwt
from fastapi import Depends

from workbook.app.api.deps import SessionDep, oauth2_scheme
from workbook.app.models import User
from workbook.app.services import Unauthorized


async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep) -> User:
    refused = Unauthorized("could not validate credentials")
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        raise refused from None
    sub, exp = claims.get("sub"), claims.get("exp")
    if not isinstance(sub, str) or not sub.isdigit():
        raise refused
    if not isinstance(exp, int) or exp <= time.time():
        raise refused
    if claims.get("type") != "access":
        raise refused
    user = await session.get(User, int(sub))
    if user is None or not user.is_active:
        raise refused
    return user
