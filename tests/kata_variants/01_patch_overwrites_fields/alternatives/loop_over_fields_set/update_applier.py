"""Alternative: copy the attributes named in data.model_fields_set.

Right because model_fields_set holds exactly the fields present in the request body,
null or not; this is what model_dump(exclude_unset=True) is built on.
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    for field in data.model_fields_set:
        setattr(agent, field, getattr(data, field))
