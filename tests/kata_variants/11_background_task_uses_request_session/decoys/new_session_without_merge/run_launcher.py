"""Decoy: open a new session in the task, but change the agent object the request loaded.

Wrong because that object belongs to no session: closing the request's session detached it,
and the new session never heard of it. The commit has nothing to write, raises nothing, and
the agent stays "queued" in the database: the write is lost without a sound.
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
        agent.status = "done"
        await session.commit()
