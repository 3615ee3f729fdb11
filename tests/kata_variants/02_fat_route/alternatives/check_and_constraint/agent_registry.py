"""Alternative: what the reference app's AgentService does: a SELECT for the common case,
and the unique constraint's IntegrityError, rolled back and turned into Conflict, for a
concurrent request that took the name between the check and the insert.

Right because both paths end in the same domain error, raised by the service for every
caller, and the session stays usable.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent
from workbook.app.services.errors import Conflict


class AgentRegistry:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, owner_id: int, name: str) -> Agent:
        taken = Conflict(f"owner {owner_id} already has an agent named {name!r}")
        if await self.session.scalar(
            select(Agent.id).where(Agent.owner_id == owner_id, Agent.name == name)
        ) is not None:
            raise taken
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        try:
            await self.session.commit()
        except IntegrityError:
            await self.session.rollback()
            raise taken from None
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
