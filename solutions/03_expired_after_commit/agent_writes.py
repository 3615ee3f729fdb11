"""Your component: where request sessions come from, and two agent writes.

``create_sessionmaker`` builds the factory of every request's session (the app's get_db
uses it). ``register_agent`` and ``rename_agent`` commit a change and return the agent;
the routes answer with it, so every field must still be readable after the commit.
"""

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from workbook.app.models import Agent
from workbook.app.schemas import AgentCreate
from workbook.app.services.errors import NotFound


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The factory each request's session is made from."""
    # expire_on_commit=False: a commit leaves loaded values readable. With the default
    # (True) every attribute is expired, and reading one later needs a query that plain
    # attribute access cannot await (MissingGreenlet).
    return async_sessionmaker(engine, expire_on_commit=False)


async def register_agent(session: AsyncSession, *, owner_id: int, data: AgentCreate) -> Agent:
    """Store a new agent owned by ``owner_id``; return it."""
    agent = Agent(owner_id=owner_id, **data.model_dump())
    session.add(agent)
    await session.commit()
    return agent


async def rename_agent(session: AsyncSession, *, agent_id: int, name: str) -> Agent:
    """Give an agent a new name; return it. NotFound (404) if there is no such agent."""
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    agent.name = name
    await session.commit()
    return agent
