"""Decoy: remember owners in a module-level dict, so each is fetched only once.

Wrong because the first listing of agents with different owners still fetches every owner
one by one (N+1 as before), and the cache lives across requests and users: an owner renamed
after the first request is listed with the old name, from every worker that cached it.
"""

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent, User


_owner_names: dict[int, str] = {}  # owner id -> full name


class AgentOwnerName(BaseModel):
    id: int
    name: str
    owner_name: str


async def list_agents_with_owner_names(session: AsyncSession) -> list[AgentOwnerName]:
    """Every agent, oldest first, with its owner's full name."""
    agents = (await session.scalars(select(Agent).order_by(Agent.id))).all()
    rows = []
    for agent in agents:
        if agent.owner_id not in _owner_names:
            owner = await session.get(User, agent.owner_id)
            _owner_names[agent.owner_id] = owner.full_name
        rows.append(AgentOwnerName(id=agent.id, name=agent.name, owner_name=_owner_names[agent.owner_id]))
    return rows
