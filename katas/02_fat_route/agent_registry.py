"""Your component, part 1 of 2: the agent registry, a service.

The service is where the rules about agents live. It works on an ``AsyncSession`` and knows
nothing about HTTP: the routes in ``agent_routes.py`` call it, and so can a CLI job, a
WebSocket handler, another service or a test — none of which speak HTTP.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent


class AgentRegistry:
    """Registers agents for their owners. An owner's agents have distinct names."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, owner_id: int, name: str) -> Agent:
        """Register a new agent called ``name`` for ``owner_id``, and commit."""
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        """The owner's agents, oldest first."""
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
