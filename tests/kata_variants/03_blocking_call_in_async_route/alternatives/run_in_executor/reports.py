"""Alternative: loop.run_in_executor(None, ...), what asyncio.to_thread does underneath.

Right because the call runs in the loop's default thread pool and the route awaits the
future, so the event loop stays free while the thread waits.
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
    loop = asyncio.get_running_loop()
    score = await loop.run_in_executor(None, scoring.score, agent.name)
    return {"agent_id": agent.id, "name": agent.name, "score": score}
