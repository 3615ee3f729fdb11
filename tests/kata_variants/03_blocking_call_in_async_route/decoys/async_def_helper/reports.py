"""Decoy: wrap the synchronous call in an async helper and await the helper.

Wrong because being inside a coroutine does not make time.sleep (or a blocking socket read)
yield: the helper never awaits anything that suspends, so it runs to the end on the event
loop and every other request waits, exactly as before.
"""

from typing import Annotated

from fastapi import APIRouter, Depends

from workbook.app.api.deps import AgentServiceDep, ScoringClientDep
from workbook.app.legacy.scoring import LegacyScoringClient
from workbook.app.models import Agent

router = APIRouter(prefix="/agents", tags=["reports"])


async def load_agent(agent_id: int, agents: AgentServiceDep) -> Agent:
    """The agent the path names; the app answers 404 if there is none."""
    return await agents.get(agent_id=agent_id)


AgentDep = Annotated[Agent, Depends(load_agent)]


async def fetch_score(scoring: LegacyScoringClient, name: str) -> int:
    """The score, "asynchronously"."""
    return scoring.score(name)


@router.get("/{agent_id}/report")
async def agent_report(agent: AgentDep, scoring: ScoringClientDep) -> dict[str, int | str]:
    """The agent's name and its score from the legacy scoring service."""
    score = await fetch_score(scoring, agent.name)
    return {"agent_id": agent.id, "name": agent.name, "score": score}
