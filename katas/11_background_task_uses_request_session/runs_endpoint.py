"""The endpoint that starts an agent's run. It is part of the kata's app: read it, but the
file you edit is run_launcher.py.

POST /agents/{agent_id}/runs answers 202 Accepted at once, the agent "queued"; the run
itself happens after the response, in the background task that
``run_launcher.start_run`` schedules, and leaves the agent "done".

The endpoint's session lives exactly as long as the endpoint function.
``Depends(..., scope="function")`` closes it when the function returns, before the
response is sent: its connection goes back to the pool at once, not after the client has
read the response and every background task has run. (FastAPI 0.106 to 0.117 closed every
dependency with yield at that point; since 0.118 the default scope, "request", closes it
after the background tasks.) ``close_resets_only=False`` makes the closed session refuse
any further work, instead of quietly starting a new transaction that nobody closes.
"""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, status
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from run_launcher import start_run  # the file you edit, next to this one
from workbook.app.api.deps import SessionFactoryDep
from workbook.app.models import Agent
from workbook.app.schemas.ids import RowId
from workbook.app.services.errors import NotFound


async def endpoint_session(connection: HTTPConnection) -> AsyncIterator[AsyncSession]:
    async with connection.app.state.sessionmaker(close_resets_only=False) as session:
        yield session


EndpointSession = Annotated[AsyncSession, Depends(endpoint_session, scope="function")]


class RunAccepted(BaseModel):
    agent_id: int
    status: str


router = APIRouter(tags=["runs"])


@router.post("/agents/{agent_id}/runs", status_code=status.HTTP_202_ACCEPTED, response_model=RunAccepted)
async def start_agent_run(
    agent_id: RowId, session: EndpointSession, sessions: SessionFactoryDep, background_tasks: BackgroundTasks
) -> RunAccepted:
    """Queue a run of the agent: 202 with its status at once, the run after the response.
    404 if there is no such agent."""
    agent = await session.get(Agent, agent_id)
    if agent is None:
        raise NotFound(f"agent {agent_id} not found")
    await start_run(agent, session=session, sessions=sessions, background_tasks=background_tasks)
    return RunAccepted(agent_id=agent.id, status=agent.status)
