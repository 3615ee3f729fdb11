"""Your component: start an agent's run, and run it after the response.

POST /agents/{agent_id}/runs (runs_endpoint.py) loads the agent and calls ``start_run``
with the endpoint's session and the app's session factory. ``start_run`` marks the agent
"queued" (the endpoint answers 202 with that status) and schedules ``run_agent`` as a
background task: FastAPI runs it once the response has been sent. The run must leave the
agent "done" in the database.
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
    """Mark ``agent`` queued, now; schedule its run for after the response."""
    agent.status = "queued"
    await session.commit()
    # The request's session is gone by the time the task runs: give the task the factory
    # and the agent's id, and let it open a session of its own.
    background_tasks.add_task(run_agent, sessions, agent.id)


async def run_agent(sessions: async_sessionmaker[AsyncSession], agent_id: int) -> None:
    """The run itself (instant here: a real one would call a model, a remote service...),
    then the agent is done. Its own session, its own transaction."""
    async with sessions() as session:
        agent = await session.get(Agent, agent_id)
        agent.status = "done"
        await session.commit()
