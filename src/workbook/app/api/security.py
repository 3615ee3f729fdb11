"""Chapter 08's dependencies: rate limits and whose budget a request spends, the HTML
renderer, and the HTML pages' cookie session with its CSRF check.

Each provider is a seam: ``app.dependency_overrides[get_rate_limit_key] = ...`` (and the
same for get_client_address, get_description_renderer, get_csrf_protection) is how a test
or a kata plugs in another component.
"""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.security.utils import get_authorization_scheme_param

from workbook.app.api.deps import SessionDep, TokenServiceDep, get_current_user
from workbook.app.api.errors import ErrorDetail
from workbook.app.models import User
from workbook.app.security.csrf import CsrfProtection, CsrfRejected
from workbook.app.security.html import DescriptionRenderer, sanitize_description
from workbook.app.security.rate_limit import RateLimitExceeded
from workbook.app.security.tokens import InvalidToken
from workbook.app.services import Unauthorized

SESSION_COOKIE = "workbook_session"
CSRF_FIELD = "csrf_token"

RATE_LIMITED: dict[int | str, dict[str, Any]] = {
    429: {"model": ErrorDetail, "description": "Too many requests; the Retry-After header says how many seconds to wait"}
}


def get_client_address(request: Request) -> str:
    """The client's address: the peer's, or, when the peer is one of
    settings.trusted_proxies, the address that proxy reported in X-Forwarded-For
    (create_app installs uvicorn's ProxyHeadersMiddleware for them, which rewrites
    request.client; X-Forwarded-For from anyone else changes nothing)."""
    return request.client.host if request.client else "unknown"


def get_rate_limit_key(
    request: Request, tokens: TokenServiceDep, address: Annotated[str, Depends(get_client_address)]
) -> str:
    """Whose budget a request spends: the user's when it carries a valid access token,
    else its client address's. Never a value the client writes freely: the token is
    verified first (a user id read from an unverified token would let anyone spend someone
    else's budget, or a fresh one per request)."""
    scheme, token = get_authorization_scheme_param(request.headers.get("Authorization"))
    if scheme.lower() == "bearer" and token:
        try:
            return f"user:{tokens.decode(token, expected_type='access').user_id}"
        except InvalidToken:
            pass  # not signed in after all: counted by address, and the route answers 401
    return f"address:{address}"


def rate_limited(name: str) -> Callable[..., Awaitable[None]]:
    """A route dependency that spends one request from limit ``name`` ("login",
    "search": settings.rate_limit_<name>) for the request's key; 429 with Retry-After
    when the budget is spent."""

    async def spend_one(request: Request, key: Annotated[str, Depends(get_rate_limit_key)]) -> None:
        try:
            await request.app.state.rate_limiter.hit(name, key)
        except RateLimitExceeded as exc:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail=f"too many requests: retry in {exc.retry_after} s",
                headers={"Retry-After": str(exc.retry_after)},
            ) from None

    return spend_one


def get_description_renderer() -> DescriptionRenderer:
    """How pages turn a stored description into HTML (an allowlist sanitizer)."""
    return sanitize_description


DescriptionRendererDep = Annotated[DescriptionRenderer, Depends(get_description_renderer)]


def get_csrf_protection(request: Request) -> CsrfProtection:
    """Issues and checks the CSRF tokens of the pages' forms."""
    return request.app.state.csrf_protection


CsrfProtectionDep = Annotated[CsrfProtection, Depends(get_csrf_protection)]


def get_session_cookie(request: Request) -> str:
    """The pages' session cookie (an access token, HttpOnly); 401 without one."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise Unauthorized("not signed in")
    return cookie


SessionCookieDep = Annotated[str, Depends(get_session_cookie)]


async def get_session_user(cookie: SessionCookieDep, tokens: TokenServiceDep, session: SessionDep) -> User:
    """The user signed in by cookie: the same checks as a bearer token's."""
    return await get_current_user(cookie, tokens, session)


SessionUser = Annotated[User, Depends(get_session_user)]


def own_origin(request: Request) -> str:
    """This app's origin as the browser addressed it (scheme://host[:port])."""
    return f"{request.url.scheme}://{request.url.netloc}"


async def require_csrf_token(request: Request, cookie: SessionCookieDep, csrf: CsrfProtectionDep) -> None:
    """403 unless a cookie-authenticated form post carries its session's CSRF token (and
    no foreign Origin)."""
    submitted = (await request.form()).get(CSRF_FIELD)
    try:
        csrf.verify(
            session=cookie,
            submitted=submitted if isinstance(submitted, str) else None,
            origin=request.headers.get("origin"),
            own_origin=own_origin(request),
        )
    except CsrfRejected as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"CSRF check failed: {exc}") from None


async def require_own_origin(request: Request, csrf: CsrfProtectionDep) -> None:
    """403 if the browser says another site's page sent this form."""
    try:
        csrf.check_origin(origin=request.headers.get("origin"), own_origin=own_origin(request))
    except CsrfRejected as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail=f"CSRF check failed: {exc}") from None
