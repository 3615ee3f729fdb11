"""Alternative: build the task's session from the engine the request's session is bound to.

Right because a new AsyncSession on the same engine is a session of the task's own: the
request's session is only asked for its engine (``session.bind``), before the task is
scheduled. The app's factory is the better source (it carries the app's session settings),
but this one works the same here.
"""

from fastapi import BackgroundTasks
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from workbook.app.models import Agent


async def start_run(
    agent: Agent,
    *,
    session: AsyncSession,
    sessions: async_sessionmaker[AsyncSession],
    background_tasks: BackgroundTasks,
) -> None:
    agent.status = "queued"
    await session.commit()
    background_tasks.add_task(run_agent, async_sessionmaker(session.bind), agent.id)


async def run_agent(sessions: async_sessionmaker[AsyncSession], agent_id: int) -> None:
    async with sessions() as session:
        agent = await session.get(Agent, agent_id)
        agent.status = "done"
        await session.commit()
