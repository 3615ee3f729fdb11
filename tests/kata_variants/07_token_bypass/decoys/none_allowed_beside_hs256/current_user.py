"""Decoy: algorithms=["HS256", "none"], "so that unsigned test tokens still work".

What it does on PyJWT 2.15.1 (measured): no unsigned token gets in, because PyJWT's
"none" algorithm never verifies a signature, and with a key given it raises InvalidKeyError
("When alg = none, key value must be None"). That is not an InvalidTokenError: it escapes
the except, and an unsigned token makes the app answer 500 instead of 401. Wrong because
"none" has no place in a server's list: it is the algorithm of a token nobody signed.
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
        claims = jwt.decode(token, settings.jwt_secret.get_secret_value(), algorithms=["HS256", "none"])
    except jwt.InvalidTokenError:
        raise refused from None
    if claims.get("type") != "access":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
