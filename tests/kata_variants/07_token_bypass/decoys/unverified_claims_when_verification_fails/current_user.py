"""Decoy: verify properly, but when the signature check fails, fall back to reading the
claims unverified ("tokens from the old deployment were signed with another key").

Wrong because the fallback is the bug again: a token signed with any key, or edited after
signing, fails verification and is then read anyway. Every forged token gets in.
"""

from typing import Annotated

import jwt
from fastapi import Depends

from workbook.app.api.deps import SessionDep, SettingsDep, oauth2_scheme
from workbook.app.models import User
from workbook.app.services import Unauthorized


async def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep, settings: SettingsDep
) -> User:
    refused = Unauthorized("could not validate credentials")
    try:
        claims = jwt.decode(token, settings.jwt_secret.get_secret_value(), algorithms=["HS256"])
    except jwt.InvalidSignatureError:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        raise refused from None
    if claims.get("type") != "access":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
