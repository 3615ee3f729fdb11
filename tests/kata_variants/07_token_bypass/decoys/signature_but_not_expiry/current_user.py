"""Decoy: verify the signature with the app's key and HS256, but switch off the expiry check.

Wrong because a token then works forever: one copied from a log, a shared screen or a
stolen laptop opens the account long after its 15 minutes. (Measured on PyJWT 2.15.1:
options={"verify_exp": False} accepts a token whose exp is an hour past.)
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
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=["HS256"],
            options={"verify_exp": False},  # "clock skew between servers made tokens fail"
        )
    except jwt.InvalidTokenError:
        raise refused from None
    if claims.get("type") != "access":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
