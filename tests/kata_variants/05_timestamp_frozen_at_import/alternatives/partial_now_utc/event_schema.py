"""Alternative: default_factory=partial(datetime.now, UTC).

Right because partial builds a callable that pydantic calls for each new event, each call
reading the clock then, with the UTC zone attached.
"""

from datetime import UTC, datetime
from functools import partial

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime = Field(default_factory=partial(datetime.now, UTC))
