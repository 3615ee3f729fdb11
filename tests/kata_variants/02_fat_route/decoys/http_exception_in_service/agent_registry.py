"""Decoy: the rule moved into the service, but raising HTTPException(409).

Wrong because the service now speaks HTTP: it imports FastAPI, and a caller without an HTTP
request (a CLI job, a WebSocket handler) gets an HTTPException that nothing turns into a
response and that `except DomainError` does not catch. Over HTTP it looks perfect (409).
"""

from collections.abc import Sequence

from fastapi import HTTPException, status
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
            raise HTTPException(status.HTTP_409_CONFLICT, f"owner {owner_id} already has an agent named {name!r}")
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
