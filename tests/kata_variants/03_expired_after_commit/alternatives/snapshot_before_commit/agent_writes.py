"""Alternative: flush, copy the agent into its public schema, then commit and return the copy.

Right because the copy is taken while every attribute is loaded (flush has sent the INSERT
or UPDATE and assigned the id and defaults), and a Pydantic model does not expire. The
route's response_model accepts it as it is.
"""

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from workbook.app.models import Agent
from workbook.app.schemas import AgentCreate, AgentPublic
from workbook.app.services.errors import NotFound


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The factory each request's session is made from."""
    return async_sessionmaker(engine)


async def register_agent(session: AsyncSession, *, owner_id: int, data: AgentCreate) -> AgentPublic:
    """Store a new agent owned by ``owner_id``; return it."""
    agent = Agent(owner_id=owner_id, **data.model_dump())
    session.add(agent)
    await session.flush()
    public = AgentPublic.model_validate(agent)
    await session.commit()
    return public


async def rename_agent(session: AsyncSession, *, agent_id: int, name: str) -> AgentPublic:
    """Give an agent a new name; return it. NotFound (404) if there is no such agent."""
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    agent.name = name
    await session.flush()
    public = AgentPublic.model_validate(agent)
    await session.commit()
    return public
