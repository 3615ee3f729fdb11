"""Decoy: the check in the service, raising Conflict, but looking the name up for every
owner.

Wrong because names are unique per owner, not globally: a second owner can no longer call
an agent by a name some other owner already uses.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent
from workbook.app.services.errors import Conflict


class AgentRegistry:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, owner_id: int, name: str) -> Agent:
        if await self.session.scalar(select(Agent.id).where(Agent.name == name)) is not None:
            raise Conflict(f"an agent named {name!r} already exists")
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
