"""Decoy: copy every field whose value is not None.

Wrong because after parsing, "left out" and "sent as null" both read None; skipping None
keeps the fields that were left out, but also ignores a client that sends null to clear
the description.
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    for field, value in data.model_dump().items():
        if value is not None:
            setattr(agent, field, value)
