"""Decoy: tell a refresh token by its shape: it carries "fam" (its login session), so refuse
tokens that have one.

It refuses the app's refresh tokens. Wrong because it guesses what a token is for from a
side effect of how one kind is made, instead of reading the claim that says it: a token of
any other kind, or one without a type, has no "fam" and gets in.
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
    if "fam" in claims:  # only refresh tokens belong to a login session
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
