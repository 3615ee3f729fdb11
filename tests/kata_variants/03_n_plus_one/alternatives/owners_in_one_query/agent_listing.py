"""Alternative: load the agents, then all their owners in one WHERE id IN (...) query.

Right because it is two queries however many agents: what selectinload does, by hand.
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
    owner_ids = {agent.owner_id for agent in agents}
    owners = (await session.scalars(select(User).where(User.id.in_(owner_ids)))).all() if owner_ids else []
    name_of = {owner.id: owner.full_name for owner in owners}
    return [AgentOwnerName(id=a.id, name=a.name, owner_name=name_of[a.owner_id]) for a in agents]
