"""Authentication: log in (OAuth 2 password flow), refresh, log out, and who am I."""

from typing import Annotated

from fastapi import APIRouter, Depends, status
from fastapi.security import OAuth2PasswordRequestForm

from workbook.app.api.deps import AuthServiceDep, CurrentUser
from workbook.app.api.errors import UNAUTHORIZED
from workbook.app.api.security import RATE_LIMITED, rate_limited
from workbook.app.schemas import RefreshRequest, TokenPublic, UserPublic

# No prefix: GET /users/me lives here too. create_app includes this router before the
# users router, whose GET /users/{user_id} would otherwise answer /users/me with a 422.
router = APIRouter(tags=["auth"])


@router.post(
    "/auth/token",
    response_model=TokenPublic,
    responses=UNAUTHORIZED | RATE_LIMITED,
    dependencies=[Depends(rate_limited("login"))],
)
async def login(form: Annotated[OAuth2PasswordRequestForm, Depends()], auth: AuthServiceDep):
    """Log in with a form: `username` (the email) and `password`. Answers an access token
    and a refresh token. 401 for a wrong email or password, with the same message. Rate
    limited per client address (settings.rate_limit_login)."""
    user = await auth.authenticate(email=form.username, password=form.password)
    return await auth.login(user=user)


@router.post("/auth/refresh", response_model=TokenPublic, responses=UNAUTHORIZED)
async def refresh(body: RefreshRequest, auth: AuthServiceDep):
    """Trade a refresh token for a new pair. The old refresh token is revoked; using it
    again revokes the whole session (401)."""
    return await auth.refresh(refresh_token=body.refresh_token)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=UNAUTHORIZED)
async def logout(body: RefreshRequest, auth: AuthServiceDep) -> None:
    """End the session of this refresh token, on the server: none of its refresh tokens
    works any more. (Access tokens already issued live until they expire, 15 minutes.)"""
    await auth.logout(refresh_token=body.refresh_token)


@router.get("/users/me", response_model=UserPublic, responses=UNAUTHORIZED)
async def read_me(user: CurrentUser):
    """The user the bearer token belongs to."""
    return user
