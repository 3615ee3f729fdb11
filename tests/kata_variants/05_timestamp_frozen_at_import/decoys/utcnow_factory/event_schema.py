"""Decoy: default_factory=datetime.utcnow.

Wrong because the value is naive: utcnow() returns UTC wall-clock time with tzinfo=None, so
nothing says it is UTC, comparing it with aware datetimes raises TypeError, and .timestamp()
reads it as local time. Deprecated since Python 3.12 for exactly that.
"""

from datetime import datetime

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime = Field(default_factory=datetime.utcnow)
