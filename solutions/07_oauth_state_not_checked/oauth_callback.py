"""Your component: the OAuth callback, where the identity provider sends the browser back.

The app includes this router ahead of its own, so your GET /auth/oauth/callback is the one
that answers. GET /auth/oauth/start (the app's) made a fresh ``state`` and code_verifier,
kept the verifier on the server under that state, set the HttpOnly cookie ``oauth_state``
(STATE_COOKIE in workbook.app.api.routes.oauth) to the state in this browser, and sent the
browser to the provider. The provider sends it back here with ``?code=...&state=...``.
"""

import secrets
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
    browser_state: Annotated[str, Cookie(alias=STATE_COOKIE)] = "",
    error: str = "",
):
    """Finish the login: redeem the code with this login's code_verifier and answer the
    app's own tokens for the user with the provider's verified email. 401 otherwise."""
    # The state must be the one THIS browser was given at the start: both present, equal.
    if not state or not browser_state or not secrets.compare_digest(state, browser_state):
        raise Unauthorized("login refused: the state is not the one this browser's login was given")
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
