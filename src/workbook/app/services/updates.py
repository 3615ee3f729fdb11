"""Applying a partial update (PATCH) to an agent."""

from collections.abc import Callable

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate

UpdateApplier = Callable[[Agent, AgentUpdate], None]


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    """Copy the fields the client sent onto the agent; leave the others alone.

    exclude_unset keeps "not sent" apart from "sent as null": a client may clear the
    description with null, while a field it left out keeps its value.
    """
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(agent, field, value)
