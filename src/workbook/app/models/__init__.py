"""ORM models. Importing this package registers every table on Base.metadata."""

from workbook.app.models.agent import Agent
from workbook.app.models.base import Base
from workbook.app.models.refresh_session import RefreshSession
from workbook.app.models.user import User

__all__ = ["Agent", "Base", "RefreshSession", "User"]
