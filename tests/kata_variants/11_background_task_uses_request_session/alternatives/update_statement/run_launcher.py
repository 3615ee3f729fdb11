"""Alternative: the task's own session runs one UPDATE statement by id.

Right because the task still opens a session of its own from the factory; it writes the
status with a single statement instead of loading the object first, and commits it.
"""

from fastapi import BackgroundTasks
from sqlalchemy import update
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
    background_tasks.add_task(run_agent, sessions, agent.id)


async def run_agent(sessions: async_sessionmaker[AsyncSession], agent_id: int) -> None:
    async with sessions() as session:
        await session.execute(update(Agent).where(Agent.id == agent_id).values(status="done"))
        await session.commit()
