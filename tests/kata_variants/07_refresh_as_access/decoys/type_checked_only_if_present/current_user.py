"""Decoy: refuse a token whose type is not "access", but only when it has a type.

Every token the app issues today carries a type, so its refresh tokens are refused. Wrong
because it fails open: a token signed with the app's key that lacks the claim (issued
before the claim was added, or written by another tool that shares the key) counts as an
access token. A missing claim must mean "not an access token", never "probably fine".
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
    """The user the access token was issued to; 401 (Unauthorized) otherwise."""
    refused = Unauthorized("could not validate credentials")
    try:
        # The app's key, the app's algorithm: a forged, edited or expired token fails here.
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=["HS256"],
            options={"require": ["exp", "sub"]},
        )
    except jwt.InvalidTokenError:
        raise refused from None
    if "type" in claims and claims["type"] != "access":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
