"""Decoy: yield to the event loop with await asyncio.sleep(0) before the blocking call.

Wrong because it yields once, before the wait, and then blocks the loop for the whole call
just the same: the other requests get one turn each, then wait for this one to finish.
"""

import asyncio
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
    await asyncio.sleep(0)  # let the other requests run
    score = scoring.score(agent.name)
    return {"agent_id": agent.id, "name": agent.name, "score": score}
