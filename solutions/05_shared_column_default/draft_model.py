"""Your component: the Draft model — a note being written, with a free-form JSON document.

Every new draft must start with an empty ``meta`` document of its own. Code that creates a
draft and then edits its ``meta`` in place (with ``flag_modified``, as chapter 04 teaches)
must change that draft only.
"""

from typing import Any

from sqlalchemy import JSON, String
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
    # default=dict, a callable: SQLAlchemy calls it for each new row, so each gets its own.
    meta: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
