"""Alternative: let the database supply the default, server_default=text("'{}'").

Right because each row's document is then made by the database and loaded back (SQLAlchemy
fetches server defaults with RETURNING on SQLite and PostgreSQL): every draft's dict is
parsed from its own row, and no Python object is shared.
"""

from typing import Any

from sqlalchemy import JSON, String, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL, plain JSON on SQLite, as in the app's Agent model.
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    """This kata's own declarative base: the tests create its table beside the app's."""


class Draft(Base):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # Labels, settings, anything: a new draft starts with an empty document.
    meta: Mapped[dict[str, Any]] = mapped_column(JSONDocument, server_default=text("'{}'"))
