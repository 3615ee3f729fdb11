"""Decoy: model_dump(exclude_unset=True, exclude_none=True), to be doubly safe.

Wrong because exclude_none then drops the null the client did send: a PATCH with
{"description": null} changes nothing, so the description can never be cleared.
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    for field, value in data.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(agent, field, value)
