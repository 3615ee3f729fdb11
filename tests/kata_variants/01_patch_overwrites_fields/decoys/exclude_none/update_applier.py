"""Decoy: model_dump(exclude_none=True).

Wrong because it drops every None, not every field left out: {"description": null}, a
client clearing the description on purpose, is dropped too and the old text stays.
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    for field, value in data.model_dump(exclude_none=True).items():
        setattr(agent, field, value)
