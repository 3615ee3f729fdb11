"""Decoy: the seed's datetime.utcnow() instead of datetime.now(UTC).

Wrong because it is still evaluated once, when the class body runs, so every event shares
one stamp; and it is naive (no time zone) — deprecated since Python 3.12 for that reason.
"""

from datetime import datetime

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime = datetime.utcnow()
