"""Your component: the audit event — something that happened, and when.

The app makes an ``AuditEvent(action=...)`` at the moment something happens and returns it
to the client. ``created_at`` must be the moment *that* event object was made, as an aware
UTC datetime. An explicit ``created_at`` (an event read back from storage) is kept as given.
"""

from datetime import UTC, datetime

from pydantic import BaseModel, Field


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    # default_factory: called for each new event, so each gets the time it was made.
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
