"""Decoy: pass the id, not the object, and load the agent again in the task, but through
the request's session.

Wrong because the id is the right thing to pass but the session is not: the request's
session was closed when the endpoint returned, and it refuses the query. The run never
happens, and the error comes after the client was told 202.
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
    background_tasks.add_task(run_agent, session, agent.id)


async def run_agent(session: AsyncSession, agent_id: int) -> None:
    agent = await session.get(Agent, agent_id)
    agent.status = "done"
    await session.commit()
