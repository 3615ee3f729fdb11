"""Decoy: assign the mutated dict back to the attribute.

Wrong because it is the same object: the attribute's history compares the "new" value with
the loaded one, which was mutated too, finds them equal, and no UPDATE is sent.
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
    agent.agent_metadata = agent.agent_metadata
