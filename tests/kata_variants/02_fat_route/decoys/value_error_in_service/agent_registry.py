"""Decoy: the check in the service, raising a built-in ValueError.

Wrong because ValueError is not one of the app's domain errors: no exception handler maps
it, so over HTTP the duplicate becomes a 500, and callers that handle DomainError do not
catch it.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent


class AgentRegistry:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, owner_id: int, name: str) -> Agent:
        taken = await self.session.scalar(
            select(Agent.id).where(Agent.owner_id == owner_id, Agent.name == name)
        )
        if taken is not None:
            raise ValueError(f"owner {owner_id} already has an agent named {name!r}")
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
