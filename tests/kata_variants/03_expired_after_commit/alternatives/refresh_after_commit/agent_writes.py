"""Alternative: keep the default sessionmaker, refresh the agent after each commit.

Right because await session.refresh(agent) reloads every column with an awaited query, so
nothing is expired when the route reads the agent. It costs one SELECT per write, and
every other service must remember to do the same.
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
    await session.commit()
    await session.refresh(agent)
    return agent


async def rename_agent(session: AsyncSession, *, agent_id: int, name: str) -> Agent:
    """Give an agent a new name; return it. NotFound (404) if there is no such agent."""
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    agent.name = name
    await session.commit()
    await session.refresh(agent)
    return agent
