"""Your component: the dependency that tells every protected route who is calling.

Routes declare ``user: CurrentUser``, which is ``Depends(get_current_user)``; the app
plugs this function in as that dependency, so it guards GET /users/me and every other
route that needs a signed-in user. The app signs two kinds of token with one key: access
tokens (15 minutes, for calling routes) and refresh tokens (7 days, for POST
/auth/refresh only). Only an access token may open a route.
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
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
