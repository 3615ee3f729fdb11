"""Your component: the agent report endpoint, GET /agents/{agent_id}/report.

A report is the agent's name and the score the legacy scoring service gives it. The
scoring client is synchronous: ``scoring.score(name)`` waits for the remote service
before it returns. Make sure one slow report does not hold up every other request.
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
async def agent_report(agent: AgentDep, scoring: ScoringClientDep) -> dict[str, int | str]:
    """The agent's name and its score from the legacy scoring service."""
    score = scoring.score(agent.name)
    return {"agent_id": agent.id, "name": agent.name, "score": score}
