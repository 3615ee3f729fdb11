"""Log in through an identity provider: OAuth 2 authorization code with PKCE (chapter 07).

GET /auth/oauth/start sends the browser to the provider and puts the login's ``state`` in
a cookie; the provider sends the browser back to GET /auth/oauth/callback with a code and
that state. The cookie is what ties the callback to the browser that started the login:

- HttpOnly (no script reads it), SameSite=Lax (sent on the provider's top-level redirect
  back, which Strict would not be), Path=/auth/oauth, Max-Age = the login's lifetime,
  Secure when served over HTTPS (the in-process app speaks plain http://live.test);
- it holds the state only, a 256-bit random value: the code_verifier stays on the server
  (PendingLogins), so it never travels through the browser at all.
"""

import secrets
from typing import Annotated

from fastapi import APIRouter, Cookie, Request, Response
from fastapi.responses import RedirectResponse

from workbook.app.api.errors import UNAUTHORIZED
from workbook.app.api.oauth_deps import OAuthLoginDep
from workbook.app.schemas import TokenPublic
from workbook.app.services import Unauthorized

STATE_COOKIE = "oauth_state"
COOKIE_PATH = "/auth/oauth"

router = APIRouter(prefix="/auth/oauth", tags=["auth"])


@router.get("/start", response_class=RedirectResponse, status_code=302)
async def start_login(request: Request, oauth: OAuthLoginDep, login_hint: str | None = None):
    """Start a login at the identity provider: 302 to its /authorize, with a fresh state and
    the S256 challenge of a fresh code_verifier. ``login_hint`` is passed on (the course's
    provider signs in whoever it names)."""
    started = oauth.begin(login_hint=login_hint)
    response = RedirectResponse(started.authorize_url, status_code=302)
    response.set_cookie(
        STATE_COOKIE,
        started.state,
        max_age=request.app.state.settings.oauth_login_ttl_s,
        path=COOKIE_PATH,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


@router.get("/callback", response_model=TokenPublic, responses=UNAUTHORIZED)
async def finish_login(
    oauth: OAuthLoginDep,
    response: Response,
    code: str = "",
    state: str = "",
    browser_state: Annotated[str, Cookie(alias=STATE_COOKIE)] = "",
    error: str = "",
):
    """Where the provider sends the browser back. 401 unless the state is the one this
    browser's cookie holds (login CSRF: someone else's code in your browser) and the
    provider accepts the code with this login's code_verifier. Answers the app's own
    token pair for the user with the provider's verified email."""
    response.delete_cookie(STATE_COOKIE, path=COOKIE_PATH)  # one callback per login
    # Compared as bytes: compare_digest raises TypeError (a 500) on str with non-ASCII.
    if not state or not browser_state or not secrets.compare_digest(state.encode(), browser_state.encode()):
        raise Unauthorized("login refused: the state is not the one this browser's login was given")
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
