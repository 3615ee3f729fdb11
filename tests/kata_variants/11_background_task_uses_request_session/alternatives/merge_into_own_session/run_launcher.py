"""Alternative: pass the agent object, and merge it into the task's own session.

Right because ``session.merge`` loads the row into the new session and copies the
detached object's state onto it, returning an object that session tracks: the change made
on it is written. (Loading by id is simpler, and does not copy back values that may have
changed since the request read them.)
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
    background_tasks.add_task(run_agent, sessions, agent)


async def run_agent(sessions: async_sessionmaker[AsyncSession], agent: Agent) -> None:
    async with sessions() as session:
        tracked = await session.merge(agent)
        tracked.status = "done"
        await session.commit()
