"""Alternative: subqueryload, the older cousin of selectinload.

Right because it loads every owner in one more query (the agents query repeated as a
subquery): two queries in all. selectinload is usually preferred today.
"""

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import subqueryload

from workbook.app.models import Agent


class AgentOwnerName(BaseModel):
    id: int
    name: str
    owner_name: str


async def list_agents_with_owner_names(session: AsyncSession) -> list[AgentOwnerName]:
    """Every agent, oldest first, with its owner's full name."""
    query = select(Agent).options(subqueryload(Agent.owner)).order_by(Agent.id)
    agents = (await session.scalars(query)).all()
    return [AgentOwnerName(id=a.id, name=a.name, owner_name=a.owner.full_name) for a in agents]
