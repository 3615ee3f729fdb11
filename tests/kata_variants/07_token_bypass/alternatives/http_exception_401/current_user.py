"""Alternative: verify with the key and HS256, and refuse with FastAPI's own
HTTPException(401, headers={"WWW-Authenticate": "Bearer"}) instead of the app's
Unauthorized.

Right because the check is the solution's (signature, fixed algorithm, expiry, type) and
a client gets the same status; the app's domain error is a matter of style here.
"""

from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, status

from workbook.app.api.deps import SessionDep, SettingsDep, oauth2_scheme
from workbook.app.models import User

REFUSED = HTTPException(
    status_code=status.HTTP_401_UNAUTHORIZED,
    detail="could not validate credentials",
    headers={"WWW-Authenticate": "Bearer"},
)


async def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep, settings: SettingsDep
) -> User:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret.get_secret_value(),
            algorithms=["HS256"],
            options={"require": ["exp", "sub", "type"]},
        )
    except jwt.PyJWTError:
        raise REFUSED from None
    if claims["type"] != "access":
        raise REFUSED
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise REFUSED
    return user
