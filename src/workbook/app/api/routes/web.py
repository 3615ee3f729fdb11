"""HTML pages: the public status page, and a cookie-authenticated form (chapter 08).

The JSON API authenticates with a bearer token; these pages sign in with a cookie, as a
browser application would, and so need what a cookie brings with it: a CSRF token in every
form that changes something. They are for browsers, not API clients, and stay out of the
OpenAPI document.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from workbook.app.api.deps import AgentServiceDep, AuthServiceDep, TokenServiceDep
from workbook.app.api.security import (
    CSRF_FIELD,
    SESSION_COOKIE,
    CsrfProtectionDep,
    DescriptionRendererDep,
    SessionCookieDep,
    SessionUser,
    rate_limited,
    require_csrf_token,
    require_own_origin,
)
from workbook.app.schemas import AgentStatus, AgentUpdate
from workbook.app.schemas.ids import RowId
from workbook.app.web.pages import PAGE_CSP, my_agents_page, status_page

router = APIRouter(tags=["pages"], include_in_schema=False)


def html(content: str, *, private: bool = False) -> HTMLResponse:
    headers = {"Content-Security-Policy": PAGE_CSP}
    if private:
        headers["Cache-Control"] = "no-store"  # holds a CSRF token and one user's data
    return HTMLResponse(content, headers=headers)


@router.get("/status", response_class=HTMLResponse)
async def agents_status(agents: AgentServiceDep, render_description: DescriptionRendererDep) -> HTMLResponse:
    """Every agent with its status and description, as a page anyone may read."""
    return html(status_page(await agents.list(), render_description))


@router.post("/web/session", dependencies=[Depends(rate_limited("login")), Depends(require_own_origin)])
async def sign_in(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    auth: AuthServiceDep,
    tokens: TokenServiceDep,
) -> RedirectResponse:
    """Sign in from a form: sets the session cookie (an access token the page's scripts
    cannot read: HttpOnly; not sent on cross-site sub-requests and posts: SameSite=Lax)."""
    user = await auth.authenticate(email=username, password=password)
    response = RedirectResponse("/web/agents", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        SESSION_COOKIE,
        tokens.issue_access(user_id=user.id).token,
        max_age=int(tokens.access_ttl.total_seconds()),
        httponly=True,
        secure=request.app.state.settings.session_cookie_secure,
        samesite="lax",
    )
    return response


@router.get("/web/agents", response_class=HTMLResponse)
async def my_agents(
    user: SessionUser, cookie: SessionCookieDep, agents: AgentServiceDep, csrf: CsrfProtectionDep
) -> HTMLResponse:
    """The signed-in user's agents, each with a form to change its status."""
    page = my_agents_page(await agents.list(owner_id=user.id), csrf_token=csrf.token_for(cookie), csrf_field=CSRF_FIELD)
    return html(page, private=True)


@router.post("/web/agents/{agent_id}/status", dependencies=[Depends(require_csrf_token)])
async def change_status(
    agent_id: RowId, new_status: Annotated[AgentStatus, Form(alias="status")], user: SessionUser, agents: AgentServiceDep
) -> RedirectResponse:
    """The form action: set one of the user's agents' status (403 without this session's
    CSRF token), then back to the list."""
    await agents.update(agent_id=agent_id, user_id=user.id, data=AgentUpdate(status=new_status))
    return RedirectResponse("/web/agents", status_code=status.HTTP_303_SEE_OTHER)
