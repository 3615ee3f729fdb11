"""Dependencies and their Annotated aliases, so route signatures stay short and typed."""

from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.db import get_db
from workbook.app.services import AgentService, MetadataWriter, UserService, set_metadata

SessionDep = Annotated[AsyncSession, Depends(get_db)]


def get_metadata_writer() -> MetadataWriter:
    """The metadata writer the agent service uses; override it to try another one."""
    return set_metadata


def get_agent_service(
    session: SessionDep,
    metadata_writer: Annotated[MetadataWriter, Depends(get_metadata_writer)],
) -> AgentService:
    return AgentService(session, metadata_writer=metadata_writer)


def get_user_service(session: SessionDep) -> UserService:
    return UserService(session)


AgentServiceDep = Annotated[AgentService, Depends(get_agent_service)]
UserServiceDep = Annotated[UserService, Depends(get_user_service)]
