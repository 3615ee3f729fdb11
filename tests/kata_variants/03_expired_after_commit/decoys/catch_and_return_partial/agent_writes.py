"""Decoy: catch the failed read and answer with what is known without the database.

Wrong because what is known is partial: the id of a new agent, or the description, status
and metadata of a renamed one, are guessed or left at defaults. The request answers, with
the wrong data.
"""

from typing import Any

from sqlalchemy.exc import MissingGreenlet, StatementError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from workbook.app.models import Agent
from workbook.app.schemas import AgentCreate
from workbook.app.services.errors import NotFound


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The factory each request's session is made from."""
    return async_sessionmaker(engine)


def readable(agent: Agent, *, fallback: dict[str, Any]) -> Agent | dict[str, Any]:
    """The agent if its attributes can be read, else the fields we know."""
    try:
        agent.id
    except (MissingGreenlet, StatementError):
        return fallback
    return agent


async def register_agent(session: AsyncSession, *, owner_id: int, data: AgentCreate) -> Agent | dict[str, Any]:
    """Store a new agent owned by ``owner_id``; return it."""
    agent = Agent(owner_id=owner_id, **data.model_dump())
    session.add(agent)
    await session.commit()
    return readable(agent, fallback={"id": 0, **data.model_dump()})


async def rename_agent(session: AsyncSession, *, agent_id: int, name: str) -> Agent | dict[str, Any]:
    """Give an agent a new name; return it. NotFound (404) if there is no such agent."""
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    owner_id = agent.owner_id
    agent.name = name
    await session.commit()
    fallback = {
        "id": agent_id, "owner_id": owner_id, "name": name,
        "description": None, "status": "idle", "agent_metadata": {},
    }
    return readable(agent, fallback=fallback)
