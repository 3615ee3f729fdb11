from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent, User
from workbook.app.schemas import AgentCreate, AgentUpdate
from workbook.app.services.errors import Conflict, NotFound
from workbook.app.services.metadata import MetadataWriter, set_metadata


class AgentService:
    """Everything the API can do with agents, on one session."""

    def __init__(self, session: AsyncSession, *, metadata_writer: MetadataWriter = set_metadata) -> None:
        self.session = session
        self.metadata_writer = metadata_writer

    async def create(self, *, data: AgentCreate) -> Agent:
        if await self.session.get(User, data.owner_id) is None:
            raise NotFound(f"owner {data.owner_id} not found")
        agent = Agent(**data.model_dump())
        self.session.add(agent)
        await self.session.commit()
        return agent

    async def get(self, *, agent_id: int) -> Agent:
        agent = await self.session.get(Agent, agent_id)
        if agent is None:
            raise NotFound(f"agent {agent_id} not found")
        return agent

    async def list(self, *, owner_id: int | None = None) -> Sequence[Agent]:
        query = select(Agent).order_by(Agent.id)
        if owner_id is not None:
            query = query.where(Agent.owner_id == owner_id)
        return (await self.session.scalars(query)).all()

    async def update(self, *, agent_id: int, data: AgentUpdate) -> Agent:
        agent = await self.get(agent_id=agent_id)
        # exclude_unset: a field the client did not send keeps its value; one sent as
        # null is cleared (chapter 01).
        for field, value in data.model_dump(exclude_unset=True).items():
            setattr(agent, field, value)
        await self.session.commit()
        return agent

    async def delete(self, *, agent_id: int) -> None:
        agent = await self.get(agent_id=agent_id)
        await self.session.delete(agent)
        await self.session.commit()

    async def set_metadata(self, *, agent_id: int, path: Sequence[str], value: Any) -> Agent:
        agent = await self.get(agent_id=agent_id)
        node: Any = agent.agent_metadata
        for depth, key in enumerate(path[:-1]):
            node = node.get(key, {})
            if not isinstance(node, dict):
                where = ".".join(path[: depth + 1])
                raise Conflict(f"metadata key {where!r} holds a {type(node).__name__}, not an object")
        await self.metadata_writer(self.session, agent, path, value)
        await self.session.commit()
        return agent
