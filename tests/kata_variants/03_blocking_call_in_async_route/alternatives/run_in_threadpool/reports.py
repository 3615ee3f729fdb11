"""Alternative: Starlette's run_in_threadpool (AnyIO's worker threads, as FastAPI uses).

Right because the blocking call runs in a worker thread and the route awaits it: the event
loop serves other requests meanwhile. AnyIO's pool allows 40 threads at once.
"""

from typing import Annotated

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool

from workbook.app.api.deps import AgentServiceDep, ScoringClientDep
from workbook.app.models import Agent

router = APIRouter(prefix="/agents", tags=["reports"])


async def load_agent(agent_id: int, agents: AgentServiceDep) -> Agent:
    """The agent the path names; the app answers 404 if there is none."""
    return await agents.get(agent_id=agent_id)


AgentDep = Annotated[Agent, Depends(load_agent)]


@router.get("/{agent_id}/report")
async def agent_report(agent: AgentDep, scoring: ScoringClientDep) -> dict[str, int | str]:
    """The agent's name and its score from the legacy scoring service."""
    score = await run_in_threadpool(scoring.score, agent.name)
    return {"agent_id": agent.id, "name": agent.name, "score": score}
