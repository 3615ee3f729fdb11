"""Pydantic schemas: what clients send (XCreate, XUpdate) and what they get back (XPublic)."""

from workbook.app.schemas.agent import (
    AgentCreate,
    AgentPublic,
    AgentStatus,
    AgentUpdate,
    AgentWithOwner,
    MetadataUpdate,
)
from workbook.app.schemas.auth import RefreshRequest, TokenPublic
from workbook.app.schemas.room import RoomPresence
from workbook.app.schemas.user import UserCreate, UserPublic

__all__ = [
    "AgentCreate",
    "AgentPublic",
    "AgentStatus",
    "AgentUpdate",
    "AgentWithOwner",
    "MetadataUpdate",
    "RefreshRequest",
    "RoomPresence",
    "TokenPublic",
    "UserCreate",
    "UserPublic",
]
