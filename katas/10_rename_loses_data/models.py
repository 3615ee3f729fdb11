"""The models after this change (read it; the revision file is what you edit).

An agent's ``description`` is renamed ``summary``: a developer changed one line of the
Agent model (src/workbook/app/models/agent.py in a real checkout), marked RENAMED below.
Every other table is the app's, as it is. The app's own model is left unchanged so the
other katas keep their schema: the changed model is declared here, on a copy of the app's
tables.

``Base.metadata`` is what `alembic upgrade head` must build.
"""

from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from workbook.app.models.agent import JSONDocument
from workbook.testing.migrations import app_models_copy


class Base(DeclarativeBase):
    metadata = app_models_copy(without={"agents"})  # users, refresh_sessions as they are


class Agent(Base):
    __tablename__ = "agents"
    __table_args__ = (UniqueConstraint("owner_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # RENAMED: was `description`. Same text, same meaning; only the name changes.
    summary: Mapped[str | None] = mapped_column(Text, default=None)
    status: Mapped[str] = mapped_column(String(20), default="idle")
    agent_metadata: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
