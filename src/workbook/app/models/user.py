from typing import TYPE_CHECKING

from sqlalchemy import String, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbook.app.models.base import Base

if TYPE_CHECKING:
    from workbook.app.models.agent import Agent


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    # Never returned by the API: UserPublic has no such field (chapter 01).
    hashed_password: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())

    # lazy="raise": touching user.agents without loading it first is an error, not a
    # hidden query (chapter 03).
    agents: Mapped[list["Agent"]] = relationship(
        back_populates="owner", lazy="raise", passive_deletes=True  # the database cascades
    )
