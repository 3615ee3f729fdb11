"""Alternative: deep-copy, edit the copy, assign it.

Right because the copy shares nothing with the loaded value: after the edit they differ,
and assignment records the change in the attribute's history.
"""

import copy
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent


async def set_metadata(session: AsyncSession, agent: Agent, path: Sequence[str], value: Any) -> None:
    metadata = copy.deepcopy(agent.agent_metadata)
    node = metadata
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    agent.agent_metadata = metadata
