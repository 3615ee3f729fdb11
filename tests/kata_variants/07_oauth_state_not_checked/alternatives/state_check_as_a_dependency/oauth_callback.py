"""Alternative: the check as a dependency that answers the verified state.

Right because the route cannot get a state at all without the dependency having compared
it with the browser's cookie: a second callback route could reuse the same guard.
"""

import secrets
from typing import Annotated

from fastapi import APIRouter, Cookie, Depends

from workbook.app.api.errors import UNAUTHORIZED
from workbook.app.api.oauth_deps import OAuthLoginDep
from workbook.app.api.routes.oauth import STATE_COOKIE
from workbook.app.schemas import TokenPublic
from workbook.app.services import Unauthorized

router = APIRouter(prefix="/auth/oauth", tags=["auth"])


def browser_state(state: str = "", cookie: Annotated[str, Cookie(alias=STATE_COOKIE)] = "") -> str:
    """The callback's state, if it is the one this browser was given; 401 otherwise."""
    if not (state and cookie and secrets.compare_digest(state, cookie)):
        raise Unauthorized("login refused: the state is not the one this browser was given")
    return state


@router.get("/callback", response_model=TokenPublic, responses=UNAUTHORIZED)
async def finish_login(
    oauth: OAuthLoginDep, state: Annotated[str, Depends(browser_state)], code: str = "", error: str = ""
):
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
