"""Decoy: add the agent to the session again after the in-place edit.

Wrong because the agent is already in the session: add() is a no-op for it and says nothing
about which attributes changed, so the commit still sends no UPDATE.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent


async def set_metadata(session: AsyncSession, agent: Agent, path: Sequence[str], value: Any) -> None:
    node = agent.agent_metadata
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    session.add(agent)
