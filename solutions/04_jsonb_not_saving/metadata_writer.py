"""Your component: write one nested key of an agent's metadata.

The agent service calls ``set_metadata`` and commits right after it returns. Make sure the
change reaches the database, not just this Python object.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from workbook.app.models import Agent


async def set_metadata(session: AsyncSession, agent: Agent, path: Sequence[str], value: Any) -> None:
    """Set ``agent.agent_metadata[path[0]]...[path[-1]] = value``, creating missing levels."""
    node = agent.agent_metadata
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    # The dict was changed in place: tell the session, or the commit sends no UPDATE.
    flag_modified(agent, "agent_metadata")
