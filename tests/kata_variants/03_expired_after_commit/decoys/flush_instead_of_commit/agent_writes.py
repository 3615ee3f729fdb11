"""Decoy: flush instead of commit, since it is the commit that expires the agent.

Wrong because flush sends the SQL inside a transaction that is never committed: the request's
session closes at the end of the request and rolls it back. The answer looks right, and
nothing is stored.
"""

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from workbook.app.models import Agent
from workbook.app.schemas import AgentCreate
from workbook.app.services.errors import NotFound


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The factory each request's session is made from."""
    return async_sessionmaker(engine)


async def register_agent(session: AsyncSession, *, owner_id: int, data: AgentCreate) -> Agent:
    """Store a new agent owned by ``owner_id``; return it."""
    agent = Agent(owner_id=owner_id, **data.model_dump())
    session.add(agent)
    await session.flush()
    return agent


async def rename_agent(session: AsyncSession, *, agent_id: int, name: str) -> Agent:
    """Give an agent a new name; return it. NotFound (404) if there is no such agent."""
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    agent.name = name
    await session.flush()
    return agent
