"""Alternative: select just the three columns with an explicit join.

Right because one query returns exactly what the listing needs, with no ORM objects at all;
the rows have id, name and owner_name attributes.
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
    query = (
        select(Agent.id, Agent.name, User.full_name.label("owner_name"))
        .join(User, Agent.owner_id == User.id)
        .order_by(Agent.id)
    )
    rows = (await session.execute(query)).all()
    return [AgentOwnerName(id=r.id, name=r.name, owner_name=r.owner_name) for r in rows]
