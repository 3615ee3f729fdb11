"""Dependencies and their Annotated aliases, so route signatures stay short and typed.

The small providers (get_metadata_writer, get_update_applier, get_scoring_client) are the
seams where notebooks and katas plug in another component, through
``app.dependency_overrides``.
"""

from typing import Annotated

from fastapi import Depends, Request
from pwdlib import PasswordHash
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.db import get_db
from workbook.app.legacy.scoring import LegacyScoringClient
from workbook.app.services import (
    AgentService,
    MetadataWriter,
    UpdateApplier,
    UserService,
    apply_update,
    set_metadata,
)

SessionDep = Annotated[AsyncSession, Depends(get_db)]


def get_metadata_writer() -> MetadataWriter:
    """How the agent service writes one metadata key (chapter 04)."""
    return set_metadata


def get_update_applier() -> UpdateApplier:
    """How the agent service applies a PATCH (chapter 01)."""
    return apply_update


def get_password_hasher(request: Request) -> PasswordHash:
    return request.app.state.password_hasher


def get_scoring_client(request: Request) -> LegacyScoringClient:
    """The legacy scoring service's (blocking) client (chapter 03)."""
    return LegacyScoringClient(delay_s=request.app.state.settings.legacy_delay_s)


def get_agent_service(
    session: SessionDep,
    metadata_writer: Annotated[MetadataWriter, Depends(get_metadata_writer)],
    update_applier: Annotated[UpdateApplier, Depends(get_update_applier)],
) -> AgentService:
    return AgentService(session, metadata_writer=metadata_writer, update_applier=update_applier)


def get_user_service(
    session: SessionDep, hasher: Annotated[PasswordHash, Depends(get_password_hasher)]
) -> UserService:
    return UserService(session, hasher=hasher)


AgentServiceDep = Annotated[AgentService, Depends(get_agent_service)]
UserServiceDep = Annotated[UserService, Depends(get_user_service)]
ScoringClientDep = Annotated[LegacyScoringClient, Depends(get_scoring_client)]
