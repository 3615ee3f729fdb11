import asyncio
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from workbook.app.legacy.scoring import LegacyScoringClient
from workbook.app.models import Agent, User
from workbook.app.observability.logs import get_logger
from workbook.app.schemas import AgentCreate, AgentUpdate
from workbook.app.services.errors import Conflict, Forbidden, NotFound
from workbook.app.services.metadata import MetadataWriter, set_metadata
from workbook.app.services.search import AgentSearchQuery, agents_matching
from workbook.app.services.updates import UpdateApplier, apply_update

# No request id, route or user id passed in: the request's log context adds them to every line.
log = get_logger(__name__)


class AgentService:
    """Everything the API can do with agents, on one session."""

    def __init__(
        self,
        session: AsyncSession,
        *,
        metadata_writer: MetadataWriter = set_metadata,
        update_applier: UpdateApplier = apply_update,
        search_query: AgentSearchQuery = agents_matching,
    ) -> None:
        self.session = session
        self.metadata_writer = metadata_writer
        self.update_applier = update_applier
        self.search_query = search_query

    async def create(self, *, owner_id: int, data: AgentCreate) -> Agent:
        if await self.session.get(User, owner_id) is None:
            raise NotFound(f"owner {owner_id} not found")
        await self._ensure_name_free(owner_id=owner_id, name=data.name)
        agent = Agent(owner_id=owner_id, **data.model_dump())
        self.session.add(agent)
        await self._commit_or_name_taken(owner_id=owner_id, name=data.name)
        log.info("agent created", agent_id=agent.id)
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

    async def search(self, *, text: str) -> Sequence[Agent]:
        """Agents whose name or description contains ``text`` (chapter 08)."""
        return (await self.session.scalars(self.search_query(text))).all()

    async def list_with_owners(self) -> Sequence[Agent]:
        """Agents with their owners loaded: two queries, however many agents."""
        query = select(Agent).options(selectinload(Agent.owner)).order_by(Agent.id)
        return (await self.session.scalars(query)).all()

    async def get_owned(self, *, agent_id: int, user_id: int) -> Agent:
        """The agent, if ``user_id`` owns it. NotFound if there is no such agent; Forbidden
        if it is someone else's (agents are public to read, so its existence is no secret)."""
        agent = await self.get(agent_id=agent_id)
        if agent.owner_id != user_id:
            raise Forbidden(f"agent {agent_id} belongs to another user")
        return agent

    async def update(self, *, agent_id: int, user_id: int, data: AgentUpdate) -> Agent:
        agent = await self.get_owned(agent_id=agent_id, user_id=user_id)
        if data.name is not None and data.name != agent.name:
            await self._ensure_name_free(owner_id=agent.owner_id, name=data.name)
        self.update_applier(agent, data)
        await self._commit_or_name_taken(owner_id=agent.owner_id, name=agent.name)
        log.info("agent updated", agent_id=agent.id, fields=sorted(data.model_fields_set))
        return agent

    async def delete(self, *, agent_id: int, user_id: int) -> None:
        agent = await self.get_owned(agent_id=agent_id, user_id=user_id)
        await self.session.delete(agent)
        await self.session.commit()
        log.info("agent deleted", agent_id=agent_id)

    async def set_metadata(self, *, agent_id: int, user_id: int, path: Sequence[str], value: Any) -> Agent:
        agent = await self.get_owned(agent_id=agent_id, user_id=user_id)
        node: Any = agent.agent_metadata
        for depth, key in enumerate(path[:-1]):
            node = node.get(key, {})
            if not isinstance(node, dict):
                where = ".".join(path[: depth + 1])
                raise Conflict(f"metadata key {where!r} holds a {type(node).__name__}, not an object")
        await self.metadata_writer(self.session, agent, path, value)
        await self.session.commit()
        return agent

    async def score(self, *, agent_id: int, client: LegacyScoringClient) -> int:
        """The legacy service's score for this agent. Its client blocks, so it runs in a
        worker thread: the event loop keeps serving other requests meanwhile."""
        agent = await self.get(agent_id=agent_id)
        return await asyncio.to_thread(client.score, agent.name)

    async def _ensure_name_free(self, *, owner_id: int, name: str) -> None:
        taken = await self.session.scalar(
            select(Agent.id).where(Agent.owner_id == owner_id, Agent.name == name)
        )
        if taken is not None:
            raise Conflict(f"owner {owner_id} already has an agent named {name!r}")

    async def _commit_or_name_taken(self, *, owner_id: int, name: str) -> None:
        try:
            await self.session.commit()
        except IntegrityError:
            await self.session.rollback()
            # If a concurrent request took the name after our check, the constraint held:
            # say so. Any other integrity error (a NOT NULL column set to None, say) is a
            # bug to surface, not a conflict to report.
            await self._ensure_name_free(owner_id=owner_id, name=name)
            raise
