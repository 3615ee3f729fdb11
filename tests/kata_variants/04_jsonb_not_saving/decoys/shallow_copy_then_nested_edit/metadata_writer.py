"""Decoy: copy the dict with dict(...), edit the copy, assign it.

Wrong because dict() copies one level: the nested dicts are shared with the loaded value.
Editing one in place changes both, old and new compare equal, no UPDATE is sent.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent


async def set_metadata(session: AsyncSession, agent: Agent, path: Sequence[str], value: Any) -> None:
    metadata = dict(agent.agent_metadata)
    node = metadata
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    agent.agent_metadata = metadata
