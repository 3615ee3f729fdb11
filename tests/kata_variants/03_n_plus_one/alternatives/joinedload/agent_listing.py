"""Alternative: joinedload, the owners come in the same query as the agents.

Right because a LEFT OUTER JOIN fetches each agent's owner row alongside it: one query in
all. (With a many-to-one, no duplicate rows; unique() is needed only for collections.)
"""

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from workbook.app.models import Agent


class AgentOwnerName(BaseModel):
    id: int
    name: str
    owner_name: str


async def list_agents_with_owner_names(session: AsyncSession) -> list[AgentOwnerName]:
    """Every agent, oldest first, with its owner's full name."""
    query = select(Agent).options(joinedload(Agent.owner)).order_by(Agent.id)
    agents = (await session.scalars(query)).all()
    return [AgentOwnerName(id=a.id, name=a.name, owner_name=a.owner.full_name) for a in agents]
