"""Alternative: an explicit merge, one field at a time.

Right because each field is copied only when the client sent it (it is in
model_fields_set), so a null that was sent clears it and a field left out is kept. More
lines, but the place to add per-field rules later.
"""

from workbook.app.models import Agent
from workbook.app.schemas import AgentUpdate


def apply_update(agent: Agent, data: AgentUpdate) -> None:
    sent = data.model_fields_set
    if "name" in sent:
        agent.name = data.name
    if "description" in sent:
        agent.description = data.description
    if "status" in sent:
        agent.status = data.status
