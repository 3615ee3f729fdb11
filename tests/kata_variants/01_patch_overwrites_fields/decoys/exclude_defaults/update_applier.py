"""Decoy: model_dump(exclude_defaults=True).

Wrong because it drops every field whose value equals its default, and every default here
is None: a description sent as null equals the default and is dropped, so it cannot be
cleared (the same trap as exclude_none, by another name).
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    for field, value in data.model_dump(exclude_defaults=True).items():
        setattr(agent, field, value)
