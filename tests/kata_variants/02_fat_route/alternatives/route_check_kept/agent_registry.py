"""Alternative: the rule added to the service (raising Conflict), the route left as shipped.

Right because the service now enforces the rule for every caller; the route's own SELECT is
redundant (one more query, and two copies of a rule that can drift apart, so delete it when
you tidy up), but it is not wrong.
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
        taken = await self.session.scalar(
            select(Agent.id).where(Agent.owner_id == owner_id, Agent.name == name)
        )
        if taken is not None:
            raise Conflict(f"owner {owner_id} already has an agent named {name!r}")
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
