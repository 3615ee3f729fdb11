"""Your component: the agents listing with each agent's owner name.

The app serves it as GET /agents/owner-names: every agent, oldest first, with the full
name of the user who owns it. Agents and users live in two tables; make sure the listing
costs the same couple of queries whether there are 5 agents or 5,000.
"""

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent, User


class AgentOwnerName(BaseModel):
    id: int
    name: str
    owner_name: str


async def list_agents_with_owner_names(session: AsyncSession) -> list[AgentOwnerName]:
    """Every agent, oldest first, with its owner's full name."""
    agents = (await session.scalars(select(Agent).order_by(Agent.id))).all()
    rows = []
    for agent in agents:
        owner = await session.get(User, agent.owner_id)
        rows.append(AgentOwnerName(id=agent.id, name=agent.name, owner_name=owner.full_name))
    return rows
