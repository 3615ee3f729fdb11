"""Alternative: both optional (None), refused unless the query's state equals the cookie's.

Right because a missing cookie (None) never equals a state the provider sent back, and a
missing state leaves nothing to finish (no login is pending under it). Plain != instead of
compare_digest is fine here: the state is 256 random bits, new for every login, so timing
cannot be used to guess it.
"""

from typing import Annotated

from fastapi import APIRouter, Cookie

from workbook.app.api.errors import UNAUTHORIZED
from workbook.app.api.oauth_deps import OAuthLoginDep
from workbook.app.api.routes.oauth import STATE_COOKIE
from workbook.app.schemas import TokenPublic
from workbook.app.services import Unauthorized

router = APIRouter(prefix="/auth/oauth", tags=["auth"])


@router.get("/callback", response_model=TokenPublic, responses=UNAUTHORIZED)
async def finish_login(
    oauth: OAuthLoginDep,
    code: str | None = None,
    state: str | None = None,
    browser_state: Annotated[str | None, Cookie(alias=STATE_COOKIE)] = None,
    error: str | None = None,
):
    if state is None or state != browser_state:
        raise Unauthorized("login refused: the state is not the one this browser was given")
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
