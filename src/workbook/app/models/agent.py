from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from workbook.app.models.base import Base

# JSONB on PostgreSQL, plain JSON elsewhere (SQLite): one model for both databases.
# Either way SQLAlchemy does not see in-place changes to the dict (chapter 04).
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


class Agent(Base):
    __tablename__ = "agents"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    status: Mapped[str] = mapped_column(String(20), default="idle")
    # default=dict, a callable: every new agent gets its own empty dict (chapter 05).
    agent_metadata: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
