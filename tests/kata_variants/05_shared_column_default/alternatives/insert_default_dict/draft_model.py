"""Alternative: insert_default=dict, the name mapped_column also accepts.

Right because insert_default is the same Column default as default= (the ORM-side name that
does not clash with dataclass defaults), and dict is called for each new row.
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
    meta: Mapped[dict[str, Any]] = mapped_column(JSONDocument, insert_default=dict)
