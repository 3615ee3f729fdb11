"""Decoy: fetch the owners concurrently with asyncio.gather.

Wrong because it is still one query per agent: the database does the same N+1 work, only
the waits overlap (or not: one AsyncSession must not be used by several tasks at once,
and here they all share it).
"""

import asyncio

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
    owners = await asyncio.gather(*(session.get(User, agent.owner_id) for agent in agents))
    return [
        AgentOwnerName(id=agent.id, name=agent.name, owner_name=owner.full_name)
        for agent, owner in zip(agents, owners)
    ]
