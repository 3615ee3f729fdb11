"""Decoy: remember owners in a dict for the length of the request.

Wrong because it only saves queries when agents share owners. With a different owner for
each agent, every lookup misses: one query per agent, exactly as before.
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
    owner_names: dict[int, str] = {}
    rows = []
    for agent in agents:
        if agent.owner_id not in owner_names:
            owner = await session.get(User, agent.owner_id)
            owner_names[agent.owner_id] = owner.full_name
        rows.append(AgentOwnerName(id=agent.id, name=agent.name, owner_name=owner_names[agent.owner_id]))
    return rows
