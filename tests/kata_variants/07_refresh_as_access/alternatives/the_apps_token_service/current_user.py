"""Alternative: let the app's own TokenService verify the token (TokenServiceDep).

Right because tokens.decode(token, expected_type="access") verifies the signature (HS256,
the app's key), the times and the required claims, and refuses any type but the one
expected: the same rule the reference app applies everywhere.
"""

from typing import Annotated

from fastapi import Depends

from workbook.app.api.deps import SessionDep, TokenServiceDep, oauth2_scheme
from workbook.app.models import User
from workbook.app.security.tokens import InvalidToken
from workbook.app.services import Unauthorized


async def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], session: SessionDep, tokens: TokenServiceDep
) -> User:
    refused = Unauthorized("could not validate credentials")
    try:
        claims = tokens.decode(token, expected_type="access")
    except InvalidToken:
        raise refused from None
    user = await session.get(User, claims.user_id)
    if user is None or not user.is_active:
        raise refused
    return user
