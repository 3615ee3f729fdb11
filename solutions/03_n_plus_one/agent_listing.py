"""Your component: the agents listing with each agent's owner name.

The app serves it as GET /agents/owner-names: every agent, oldest first, with the full
name of the user who owns it. Agents and users live in two tables; make sure the listing
costs the same couple of queries whether there are 5 agents or 5,000.
"""

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from workbook.app.models import Agent


class AgentOwnerName(BaseModel):
    id: int
    name: str
    owner_name: str


async def list_agents_with_owner_names(session: AsyncSession) -> list[AgentOwnerName]:
    """Every agent, oldest first, with its owner's full name."""
    # selectinload: one query for the agents, one for all their owners (WHERE id IN ...),
    # however many agents there are.
    query = select(Agent).options(selectinload(Agent.owner)).order_by(Agent.id)
    agents = (await session.scalars(query)).all()
    return [AgentOwnerName(id=a.id, name=a.name, owner_name=a.owner.full_name) for a in agents]
