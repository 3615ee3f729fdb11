"""Alternative: make the route a plain def.

Right because FastAPI runs a sync route in a worker thread (AnyIO's thread pool), so the
blocking call never runs on the event loop; the async load_agent dependency still does.
"""

from typing import Annotated

from fastapi import APIRouter, Depends

from workbook.app.api.deps import AgentServiceDep, ScoringClientDep
from workbook.app.models import Agent

router = APIRouter(prefix="/agents", tags=["reports"])


async def load_agent(agent_id: int, agents: AgentServiceDep) -> Agent:
    """The agent the path names; the app answers 404 if there is none."""
    return await agents.get(agent_id=agent_id)


AgentDep = Annotated[Agent, Depends(load_agent)]


@router.get("/{agent_id}/report")
def agent_report(agent: AgentDep, scoring: ScoringClientDep) -> dict[str, int | str]:
    """The agent's name and its score from the legacy scoring service."""
    score = scoring.score(agent.name)
    return {"agent_id": agent.id, "name": agent.name, "score": score}
