"""Decoy: compare the state with the cookie, but only when the browser has the cookie.

Wrong because the attack does not need the victim to have started a login: a browser with
no oauth_state cookie skips the check, and the attacker's code and state (which the server
knows, from the attacker's own start) sign the victim in as the attacker. A missing cookie
means "this browser started no login": refuse it.
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
    code: str = "",
    state: str = "",
    browser_state: Annotated[str | None, Cookie(alias=STATE_COOKIE)] = None,
    error: str = "",
):
    if browser_state is not None and state != browser_state:
        raise Unauthorized("login refused: state mismatch")
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
