"""Alternative: one configured decoder, jwt.PyJWT(options=...), made once at import.

Right because PyJWT(options={"require": [...]}) makes the required claims part of the
decoder, and decode() with the app's key and algorithms=["HS256"] verifies the signature
and the expiry: the same checks as the solution, written once for every caller.
"""

from typing import Annotated

import jwt
from fastapi import Depends

from workbook.app.api.deps import SessionDep, SettingsDep, oauth2_scheme
from workbook.app.models import User
from workbook.app.services import Unauthorized

DECODER = jwt.PyJWT(options={"require": ["exp", "iat", "sub", "type"]})
ALGORITHMS = ["HS256"]  # the server's list: what the app signs with


async def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep, settings: SettingsDep
) -> User:
    refused = Unauthorized("could not validate credentials")
    try:
        claims = DECODER.decode(token, settings.jwt_secret.get_secret_value(), algorithms=ALGORITHMS)
    except jwt.InvalidTokenError:
        raise refused from None
    if claims["type"] != "access":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
