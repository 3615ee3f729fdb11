"""Decoy: immediateload(Agent.owner), because "immediate" sounds eager.

Wrong because immediateload loads each agent's owner right away, with its own query per
agent: N+1, only earlier. selectinload or joinedload batch them.
"""

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import immediateload

from workbook.app.models import Agent


class AgentOwnerName(BaseModel):
    id: int
    name: str
    owner_name: str


async def list_agents_with_owner_names(session: AsyncSession) -> list[AgentOwnerName]:
    """Every agent, oldest first, with its owner's full name."""
    query = select(Agent).options(immediateload(Agent.owner)).order_by(Agent.id)
    agents = (await session.scalars(query)).all()
    return [AgentOwnerName(id=a.id, name=a.name, owner_name=a.owner.full_name) for a in agents]
