"""Alternative: a domain error of the service's own, subclassing Conflict.

Right because the app's exception handler is looked up along the exception's class
hierarchy, so AgentNameTaken is answered 409 like any Conflict, and callers can catch it by
its precise name or as DomainError.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent
from workbook.app.services.errors import Conflict


class AgentNameTaken(Conflict):
    """The owner already has an agent of that name."""


class AgentRegistry:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, owner_id: int, name: str) -> Agent:
        taken = await self.session.scalar(
            select(Agent.id).where(Agent.owner_id == owner_id, Agent.name == name)
        )
        if taken is not None:
            raise AgentNameTaken(f"owner {owner_id} already has an agent named {name!r}")
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
