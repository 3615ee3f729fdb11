"""The service layer: all database logic lives here. Services never import FastAPI."""

from workbook.app.services.agents import AgentService
from workbook.app.services.auth import AuthService, TokenPair
from workbook.app.services.errors import Conflict, DomainError, Forbidden, NotFound, Unauthorized
from workbook.app.services.metadata import MetadataWriter, set_metadata
from workbook.app.services.search import AgentSearchQuery, agents_matching
from workbook.app.services.updates import UpdateApplier, apply_update
from workbook.app.services.users import UserService

__all__ = [
    "AgentSearchQuery",
    "AgentService",
    "AuthService",
    "Conflict",
    "DomainError",
    "Forbidden",
    "MetadataWriter",
    "NotFound",
    "TokenPair",
    "Unauthorized",
    "UpdateApplier",
    "UserService",
    "agents_matching",
    "apply_update",
    "set_metadata",
]
