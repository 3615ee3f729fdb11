"""Alternative: read the cookie from request.cookies and compare with hmac.compare_digest.

Right because it is the same check spelt with Starlette's request object: the state in the
URL must be present and equal to the one this browser's cookie holds.
"""

import hmac

from fastapi import APIRouter, Request

from workbook.app.api.errors import UNAUTHORIZED
from workbook.app.api.oauth_deps import OAuthLoginDep
from workbook.app.api.routes.oauth import STATE_COOKIE
from workbook.app.schemas import TokenPublic
from workbook.app.services import Unauthorized

router = APIRouter(prefix="/auth/oauth", tags=["auth"])


@router.get("/callback", response_model=TokenPublic, responses=UNAUTHORIZED)
async def finish_login(request: Request, oauth: OAuthLoginDep, code: str = "", state: str = "", error: str = ""):
    expected = request.cookies.get(STATE_COOKIE)
    if not expected or not hmac.compare_digest(state.encode(), expected.encode()):
        raise Unauthorized("login refused: the state is not the one this browser was given")
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
