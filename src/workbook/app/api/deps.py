"""Dependencies and their Annotated aliases, so route signatures stay short and typed.

The small providers are the seams where notebooks and katas plug in another component,
through ``app.dependency_overrides``: get_update_applier (chapter 01), get_scoring_client
(03), get_metadata_writer (04), get_current_user, get_token_service and
get_session_revoker (07), get_agent_search_query (08), get_readiness_check (09).
OAuth's are in oauth_deps.py; chapter 08's security seams (rate-limit key, client address,
HTML renderer, CSRF check) in security.py. The chapter-09 log-context binding and metrics
route labeller are create_app arguments: they run in middleware, outside dependency
injection.
"""

from typing import Annotated

from fastapi import Depends, Request
from starlette.requests import HTTPConnection
from fastapi.security import OAuth2PasswordBearer
from pwdlib import PasswordHash
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from workbook.app.config import Settings
from workbook.app.db import get_db, get_sessionmaker
from workbook.app.legacy.scoring import LegacyScoringClient
from workbook.app.observability.logs import bind_user
from workbook.app.models import User
from workbook.app.security.tokens import InvalidToken, TokenService
from workbook.app.services.readiness import ReadinessCheck, check_readiness
from workbook.app.services import (
    AgentSearchQuery,
    AgentService,
    AuthService,
    MetadataWriter,
    Unauthorized,
    UpdateApplier,
    UserService,
    agents_matching,
    apply_update,
    set_metadata,
)
from workbook.app.services.sessions import SessionRevoker, revoke_family

SessionDep = Annotated[AsyncSession, Depends(get_db)]
# The factory itself, for work after the response (a background task's own session).
SessionFactoryDep = Annotated[async_sessionmaker[AsyncSession], Depends(get_sessionmaker)]


def get_metadata_writer() -> MetadataWriter:
    """How the agent service writes one metadata key (chapter 04)."""
    return set_metadata


def get_update_applier() -> UpdateApplier:
    """How the agent service applies a PATCH (chapter 01)."""
    return apply_update


def get_agent_search_query() -> AgentSearchQuery:
    """How the agent search turns the searched text into SQL (chapter 08)."""
    return agents_matching


def get_password_hasher(request: Request) -> PasswordHash:
    return request.app.state.password_hasher


def get_scoring_client(request: Request) -> LegacyScoringClient:
    """The legacy scoring service's (blocking) client (chapter 03)."""
    return LegacyScoringClient(delay_s=request.app.state.settings.legacy_delay_s)


def get_agent_service(
    session: SessionDep,
    metadata_writer: Annotated[MetadataWriter, Depends(get_metadata_writer)],
    update_applier: Annotated[UpdateApplier, Depends(get_update_applier)],
    search_query: Annotated[AgentSearchQuery, Depends(get_agent_search_query)],
) -> AgentService:
    return AgentService(
        session, metadata_writer=metadata_writer, update_applier=update_applier, search_query=search_query
    )


def get_user_service(
    session: SessionDep, hasher: Annotated[PasswordHash, Depends(get_password_hasher)]
) -> UserService:
    return UserService(session, hasher=hasher)


AgentServiceDep = Annotated[AgentService, Depends(get_agent_service)]
UserServiceDep = Annotated[UserService, Depends(get_user_service)]
ScoringClientDep = Annotated[LegacyScoringClient, Depends(get_scoring_client)]


# Reads "Authorization: Bearer <token>" (401 with WWW-Authenticate: Bearer if absent), and
# tells OpenAPI where to get a token.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def get_token_service(connection: HTTPConnection) -> TokenService:
    """Issues and verifies tokens (chapter 07); a kata plugs a broken one in here.
    (HTTPConnection, not Request: WebSocket handshakes need it too.)"""
    return connection.app.state.token_service


TokenServiceDep = Annotated[TokenService, Depends(get_token_service)]


def get_settings(connection: HTTPConnection) -> Settings:
    """The app's settings (the signing key among them: settings.jwt_secret)."""
    return connection.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_session_revoker() -> SessionRevoker:
    """What logout does on the server (chapter 07); a kata plugs its own in here."""
    return revoke_family


def get_auth_service(
    session: SessionDep,
    hasher: Annotated[PasswordHash, Depends(get_password_hasher)],
    tokens: TokenServiceDep,
    revoke_session: Annotated[SessionRevoker, Depends(get_session_revoker)],
) -> AuthService:
    return AuthService(session, hasher=hasher, tokens=tokens, revoke_session=revoke_session)


AuthServiceDep = Annotated[AuthService, Depends(get_auth_service)]


async def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], tokens: TokenServiceDep, session: SessionDep
) -> User:
    """The user the access token was issued to. 401 (WWW-Authenticate: Bearer) when the
    token is forged, expired, not an access token, or its user is gone or disabled; one
    message for all, so a caller learns nothing about which check failed."""
    refused = Unauthorized("could not validate credentials")
    try:
        # Verifies the signature (HS256 only), then exp/iat/type: no claim is used before.
        claims = tokens.decode(token, expected_type="access")
    except InvalidToken:
        raise refused from None
    # Checked on every request, not only at login: deleting or disabling a user must
    # end their access now, not when their token expires.
    user = await session.get(User, claims.user_id)
    if user is None or not user.is_active:
        raise refused
    bind_user(user.id)  # from here on, the request's log lines carry its user id
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_readiness_check() -> ReadinessCheck:
    """What /health/ready checks (chapter 09); a kata plugs a broken one in here."""
    return check_readiness


ReadinessCheckDep = Annotated[ReadinessCheck, Depends(get_readiness_check)]
