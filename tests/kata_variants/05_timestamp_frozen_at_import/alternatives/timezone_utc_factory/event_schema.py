"""Alternative: default_factory with datetime.now(timezone.utc).

Right because timezone.utc is the same zone as datetime.UTC (an alias added in Python 3.11),
and the lambda runs for each new event.
"""

from datetime import datetime, timezone

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
