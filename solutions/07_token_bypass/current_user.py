"""Your component: the dependency that tells every protected route who is calling.

Routes declare ``user: CurrentUser``, which is ``Depends(get_current_user)``; the app
plugs this function in as that dependency, so it guards GET /users/me and every other
route that needs a signed-in user. Whatever it returns, the route believes. It must
answer 401 for any token the app did not issue itself, and for one that has run out.
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
    """The user the bearer token was issued to; 401 (Unauthorized) otherwise."""
    refused = Unauthorized("could not validate credentials")
    try:
        # Verify the signature with the app's key, in the one algorithm the app signs
        # with (the server's choice, never the token header's); PyJWT then checks exp.
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=["HS256"],
            options={"require": ["exp", "sub", "type"]},
        )
    except jwt.InvalidTokenError:  # forged, tampered, unsigned, expired, not a JWT
        raise refused from None
    if claims.get("type") != "access":  # a refresh token does not open routes
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
