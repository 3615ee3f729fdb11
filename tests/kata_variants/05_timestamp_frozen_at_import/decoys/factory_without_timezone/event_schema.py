"""Decoy: default_factory=datetime.now, without a time zone.

Wrong because the factory does run per event, but datetime.now() with no argument returns a
naive local time: no zone attached, and on a server outside UTC the wrong hour too.
"""

from datetime import datetime

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime = Field(default_factory=datetime.now)
