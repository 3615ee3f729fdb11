"""Decoy: move the call into Field(default=...).

Wrong because Field(default=datetime.now(UTC)) still calls now() once, while the class body
runs; the Field only wraps the value it is given. Every event shares that stamp.
"""

from datetime import UTC, datetime

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime = Field(default=datetime.now(UTC))
