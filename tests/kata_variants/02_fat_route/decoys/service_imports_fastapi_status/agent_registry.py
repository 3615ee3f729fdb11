"""Decoy: a domain error that carries its own HTTP status, taken from fastapi.status.

Works over HTTP and directly, but is wrong because the service module now depends on the
web framework (a CLI job importing it pulls in FastAPI, and the HTTP mapping is spread over
the services instead of living in the API layer's one handler).
"""

from collections.abc import Sequence

from fastapi import status
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent
from workbook.app.services.errors import Conflict


class AgentNameTaken(Conflict):
    status_code = status.HTTP_409_CONFLICT


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
