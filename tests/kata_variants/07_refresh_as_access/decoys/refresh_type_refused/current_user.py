"""Decoy: refuse tokens whose type is "refresh"; let everything else through.

It stops the one confusion it names. Wrong because it is a deny-list: any other kind of
token signed with the same key (a password-reset or email-confirmation token, whatever
type is added next year) opens every route. Allow the one type a route takes.
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
    if claims.get("type") == "refresh":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
