from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from workbook.app.models.base import Base


class RefreshSession(Base):
    """One refresh token the server issued, so it can be revoked (chapter 07).

    A login starts a family; each refresh rotates the token: the old row gets
    ``revoked_at`` and ``replaced_by``, a new row joins the family. A revoked token
    presented again means it was stolen (or replayed): the whole family is revoked.
    """

    __tablename__ = "refresh_sessions"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[str] = mapped_column(String(64), index=True)
    # timezone=True: aware datetimes in and out on PostgreSQL (SQLite stores them as text
    # and hands them back naive: compare through the service, which knows that).
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    replaced_by: Mapped[str | None] = mapped_column(String(64), default=None)
