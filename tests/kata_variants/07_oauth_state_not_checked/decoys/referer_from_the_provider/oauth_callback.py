"""Decoy: accept the callback only when the Referer says the browser came from the provider.

Wrong because the Referer is the browser's to send or not: a redirect chain, a
Referrer-Policy or a privacy setting drops it, so real logins are refused; and it says
where the browser came from, not which login it started. The binding to the browser is
the state in the browser's own cookie.
"""

from fastapi import APIRouter, Request

from workbook.app.api.errors import UNAUTHORIZED
from workbook.app.api.oauth_deps import OAuthLoginDep
from workbook.app.schemas import TokenPublic
from workbook.app.services import Unauthorized
from workbook.idp import IDP_URL

router = APIRouter(prefix="/auth/oauth", tags=["auth"])


@router.get("/callback", response_model=TokenPublic, responses=UNAUTHORIZED)
async def finish_login(request: Request, oauth: OAuthLoginDep, code: str = "", state: str = "", error: str = ""):
    if not request.headers.get("referer", "").startswith(IDP_URL):
        raise Unauthorized("login refused: not sent by the identity provider")
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
