"""Decoy: make create() idempotent: on a duplicate name, return the agent that exists.

Wrong because it hides the clash instead of reporting it: the client is told 201 Created
for an agent it did not create, and a caller cannot tell "registered" from "already there".
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent


class AgentRegistry:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, owner_id: int, name: str) -> Agent:
        existing = await self.session.scalar(
            select(Agent).where(Agent.owner_id == owner_id, Agent.name == name)
        )
        if existing is not None:
            return existing
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
