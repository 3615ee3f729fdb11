"""Decoy: the verified decode, rewritten from scratch: it requires a subject, and the
type check was dropped on the way.

Wrong because the signature proves the app issued the token, not what for: the app signs
refresh tokens with the same key, and a refresh token (7 days, meant for POST
/auth/refresh only) now opens every route.
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
            token, settings.jwt_secret.get_secret_value(), algorithms=["HS256"], options={"require": ["exp", "sub"]}
        )
    except jwt.InvalidTokenError:
        raise refused from None
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
