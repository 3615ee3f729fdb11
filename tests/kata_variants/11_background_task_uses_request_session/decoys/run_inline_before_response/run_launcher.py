"""Decoy: skip the background task and run the agent in the endpoint, on its session.

Wrong because the run then happens before the response: the client waits for all of it
(a real run takes seconds or minutes), and the 202 "accepted, will happen" is a lie, the
agent is already done when it is sent.
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
    await run_agent(session, agent)


async def run_agent(session: AsyncSession, agent: Agent) -> None:
    agent.status = "done"
    await session.commit()
