from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbook.app.models.base import Base

if TYPE_CHECKING:
    from workbook.app.models.user import User

# JSONB on PostgreSQL, plain JSON elsewhere (SQLite): one model for both databases.
# Either way SQLAlchemy does not see in-place changes to the dict (chapter 04).
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


class Agent(Base):
    __tablename__ = "agents"
    # The service checks it first to answer 409 politely; the constraint is the guard.
    __table_args__ = (UniqueConstraint("owner_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    status: Mapped[str] = mapped_column(String(20), default="idle")
    # default=dict, a callable: every new agent gets its own empty dict (chapter 05).
    agent_metadata: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)

    # lazy="raise": reading agent.owner needs an explicit selectinload/joinedload, so an
    # N+1 query pattern fails loudly instead of quietly (chapter 03).
    owner: Mapped["User"] = relationship(back_populates="agents", lazy="raise")
