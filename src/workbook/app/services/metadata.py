"""Writing one nested key of an agent's JSON metadata so that the change is saved."""

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from workbook.app.models import Agent

MetadataWriter = Callable[[AsyncSession, Agent, Sequence[str], Any], Awaitable[None]]


async def set_metadata(session: AsyncSession, agent: Agent, path: Sequence[str], value: Any) -> None:
    """Set ``agent.agent_metadata[path[0]]...[path[-1]] = value``, creating missing levels.

    The caller commits afterwards. The dict is changed in place, which SQLAlchemy cannot
    see (a JSON column only notices assignment), so the attribute is flagged as modified.
    """
    node = agent.agent_metadata
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    flag_modified(agent, "agent_metadata")
