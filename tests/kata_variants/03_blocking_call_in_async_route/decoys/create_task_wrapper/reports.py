"""Decoy: run the blocking call in a task of its own (asyncio.create_task) and await it.

Wrong because a task is still a coroutine on the same event loop, in the same thread: when
it runs, time.sleep holds the loop exactly as before. Tasks give concurrency only between
awaits, and a blocking call has none.
"""

import asyncio
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
    return scoring.score(name)


@router.get("/{agent_id}/report")
async def agent_report(agent: AgentDep, scoring: ScoringClientDep) -> dict[str, int | str]:
    """The agent's name and its score from the legacy scoring service."""
    score = await asyncio.create_task(fetch_score(scoring, agent.name))
    return {"agent_id": agent.id, "name": agent.name, "score": score}
