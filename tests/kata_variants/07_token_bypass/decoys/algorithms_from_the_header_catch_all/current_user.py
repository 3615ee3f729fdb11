"""Decoy: the algorithm from the token's header, with every PyJWT error caught.

Catching PyJWTError turns the InvalidKeyError of an unsigned token into a 401, so it looks
fixed. On PyJWT 2.15.1 it lets no forged token in either (measured: another key fails,
"none" never verifies). It is wrong because the token still chooses how it is verified:
a token signed with the app's key in HS384 or HS512, which the app never issues, is
accepted. The server's list of algorithms is the rule; PyJWT's guards against the known
abuses of header-chosen algorithms are a second line, not the first.
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
        algorithm = jwt.get_unverified_header(token)["alg"]
        claims = jwt.decode(token, settings.jwt_secret.get_secret_value(), algorithms=[algorithm])
    except jwt.PyJWTError:
        raise refused from None
    if claims.get("type") != "access":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
