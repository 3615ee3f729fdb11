"""Decoy: a validator that always stamps the current time.

Wrong because it overwrites an explicit created_at too: an event read back from storage
would claim to have happened when it was loaded.
"""

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator


class AuditEvent(BaseModel):
    model_config = ConfigDict(validate_default=True)  # run the validator on defaults too

    action: str = Field(min_length=1, max_length=100, examples=["agent.renamed"])
    detail: str = ""
    created_at: datetime = datetime.now(UTC)

    @field_validator("created_at", mode="after")
    @classmethod
    def stamp_now(cls, value: datetime) -> datetime:
        return datetime.now(UTC)
