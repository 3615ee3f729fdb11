"""Alternative: merge into the agent's current public view with model_copy(update=...).

Right because the update dict is model_dump(exclude_unset=True): the merged view keeps
every field the client left out and takes the sent ones, null included; writing the merged
fields back leaves unchanged values equal, so SQLAlchemy updates only what changed.
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentPublic, AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    current = AgentPublic.model_validate(agent)
    merged = current.model_copy(update=data.model_dump(exclude_unset=True))
    for field in AgentUpdate.model_fields:
        setattr(agent, field, getattr(merged, field))
