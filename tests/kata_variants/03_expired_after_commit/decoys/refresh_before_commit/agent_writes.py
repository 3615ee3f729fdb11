"""Decoy: refresh the agent, then commit.

Wrong because the commit comes after the refresh and expires everything again: the route
still reads an expired agent, and the read still needs a query it cannot await.
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
    await session.refresh(agent)
    await session.commit()
    return agent


async def rename_agent(session: AsyncSession, *, agent_id: int, name: str) -> Agent:
    """Give an agent a new name; return it. NotFound (404) if there is no such agent."""
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    agent.name = name
    await session.flush()
    await session.refresh(agent)
    await session.commit()
    return agent
