"""Decoy: let the unique constraint catch the duplicate and turn the IntegrityError into
Conflict, but without rolling the session back.

Wrong because a failed commit leaves the session unusable until it is rolled back: a caller
that skips the duplicate and goes on (an import job) fails on its very next call.
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
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        try:
            await self.session.commit()
        except IntegrityError:
            raise Conflict(f"owner {owner_id} already has an agent named {name!r}") from None
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
