"""Alternative: the task's own session and transaction in one block,
``async with sessions() as session, session.begin():``.

Right because the task works in a session of its own, loaded by id, and the block commits
when it ends without an error (and rolls back if it raises), then closes the session.
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
    background_tasks.add_task(run_agent, sessions, agent.id)


async def run_agent(sessions: async_sessionmaker[AsyncSession], agent_id: int) -> None:
    async with sessions() as session, session.begin():
        agent = await session.get(Agent, agent_id)
        agent.status = "done"
