"""Decoy: verify with the app's key, in whatever algorithm the token's header names.

What it lets through on PyJWT 2.15.1 (measured): no forgery. A token signed with another
key still fails, and "none" never verifies. But it is wrong because the token now picks
how it is checked:
- an unsigned token (header {"alg": "none"}) makes PyJWT raise InvalidKeyError ("When
  alg = none, key value must be None"), which is not an InvalidTokenError: it escapes the
  except, and the app answers 500 instead of 401;
- a token signed with the app's key in HS384 or HS512, algorithms the app never uses, is
  accepted.
With libraries (or keys) that lack PyJWT's guards, header-chosen algorithms are the
classic "alg: none" and RSA/HMAC key-confusion forgeries; the server names the list.
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
    except jwt.InvalidTokenError:
        raise refused from None
    if claims.get("type") != "access":
        raise refused
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise refused
    return user
