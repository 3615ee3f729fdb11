"""Your component: apply a partial update (PATCH) to an agent.

The agent service loads the agent, checks a new name is free, calls ``apply_update`` and
commits. ``data`` is the request body parsed into AgentUpdate, whose fields all default to
None: a client sends only the fields it wants to change.
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    """Copy the fields the client sent onto the agent; leave the others as they are."""
    for field, value in data.model_dump().items():
        setattr(agent, field, value)
