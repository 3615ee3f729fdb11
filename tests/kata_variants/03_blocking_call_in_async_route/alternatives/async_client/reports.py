"""Alternative: use the vendor's async client, AsyncScoringClient, and await it.

Right because its score() awaits while it waits (no thread at all): the event loop switches
to other requests at that await. The delay comes from the app's settings, as for the
legacy client.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from workbook.app.api.deps import AgentServiceDep
from workbook.app.legacy.scoring import AsyncScoringClient
from workbook.app.models import Agent

router = APIRouter(prefix="/agents", tags=["reports"])


async def load_agent(agent_id: int, agents: AgentServiceDep) -> Agent:
    """The agent the path names; the app answers 404 if there is none."""
    return await agents.get(agent_id=agent_id)


AgentDep = Annotated[Agent, Depends(load_agent)]


def get_async_scoring_client(request: Request) -> AsyncScoringClient:
    return AsyncScoringClient(delay_s=request.app.state.settings.legacy_delay_s)


@router.get("/{agent_id}/report")
async def agent_report(
    agent: AgentDep, scoring: Annotated[AsyncScoringClient, Depends(get_async_scoring_client)]
) -> dict[str, int | str]:
    """The agent's name and its score from the legacy scoring service."""
    score = await scoring.score(agent.name)
    return {"agent_id": agent.id, "name": agent.name, "score": score}
