from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from workbook.app.schemas.text import MultiLineText, SingleLineText, StorableJson
from workbook.app.schemas.user import UserPublic

AgentStatus = Literal["idle", "running", "paused", "archived"]


class AgentCreate(BaseModel):
    """A new agent; its owner is the signed-in user, never a field the client picks."""

    name: SingleLineText = Field(min_length=1, max_length=100)
    description: MultiLineText | None = Field(default=None, max_length=2000)
    status: AgentStatus = "idle"
    agent_metadata: dict[SingleLineText, StorableJson] = Field(default_factory=dict)


class AgentUpdate(BaseModel):
    """Partial update: only the fields the client sent are applied (exclude_unset)."""

    name: SingleLineText | None = Field(default=None, min_length=1, max_length=100)
    description: MultiLineText | None = Field(default=None, max_length=2000)
    status: AgentStatus | None = None

    @field_validator("name", "status")
    @classmethod
    def omitted_not_null(cls, value: str | None) -> str:
        # These columns are NOT NULL: leave the field out to keep it, don't send null.
        if value is None:
            raise ValueError("may be left out, but not null")
        return value


class AgentPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner_id: int
    name: str
    description: str | None
    status: AgentStatus
    agent_metadata: dict[str, Any]


class AgentWithOwner(BaseModel):
    """An agent with its owner's public profile, for listings (one query per table)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    status: AgentStatus
    owner: UserPublic


class MetadataUpdate(BaseModel):
    """Set one key of the metadata document; `path` names it level by level."""

    path: list[Annotated[SingleLineText, Field(max_length=200)]] = Field(
        min_length=1, max_length=8, examples=[["settings", "model"]]
    )
    value: StorableJson
