"""Alternative: a model validator that fills in created_at only when it is missing.

Right because it runs for every new event, before validation, and leaves an explicit value
alone; created_at stays a required, typed field of the result.
"""

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator


class AuditEvent(BaseModel):
    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime

    @model_validator(mode="before")
    @classmethod
    def stamp_when_missing(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("created_at") is None:
            return {**data, "created_at": datetime.now(UTC)}
        return data
