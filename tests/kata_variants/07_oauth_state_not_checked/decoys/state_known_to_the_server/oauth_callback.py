"""Decoy: check that the state is one the server issued and has not seen back yet.

Wrong because the attacker's state IS one the server issued: the attacker's own
GET /auth/oauth/start made it. "Known to the server" is not "given to this browser"; only
the browser's cookie says which login this browser started. (oauth.finish already refuses
unknown states: this check adds nothing.)
"""

from typing import Annotated

from fastapi import APIRouter, Depends

from workbook.app.api.errors import UNAUTHORIZED
from workbook.app.api.oauth_deps import OAuthLoginDep, get_pending_logins
from workbook.app.schemas import TokenPublic
from workbook.app.services import Unauthorized
from workbook.app.services.oauth_login import PendingLogins

router = APIRouter(prefix="/auth/oauth", tags=["auth"])


@router.get("/callback", response_model=TokenPublic, responses=UNAUTHORIZED)
async def finish_login(
    oauth: OAuthLoginDep,
    pending: Annotated[PendingLogins, Depends(get_pending_logins)],
    code: str = "",
    state: str = "",
    error: str = "",
):
    if not state or state not in pending._by_state:
        raise Unauthorized("login refused: unknown state")
    if error or not code:
        raise Unauthorized(f"the identity provider sent no code: {error or 'none'}")
    return await oauth.finish(state=state, code=code)
