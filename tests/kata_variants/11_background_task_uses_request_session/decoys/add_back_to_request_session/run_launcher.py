"""Decoy: the agent came out detached, so add it back to the request's session and commit.

Wrong because the request's session is closed before the task runs (the endpoint's session
lives as long as the endpoint function): a closed session holds no object and starts no
transaction, so the commit raises after the client already got its 202, and the run never
happens.
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
    background_tasks.add_task(run_agent, session, agent)


async def run_agent(session: AsyncSession, agent: Agent) -> None:
    session.add(agent)
    agent.status = "done"
    await session.commit()
