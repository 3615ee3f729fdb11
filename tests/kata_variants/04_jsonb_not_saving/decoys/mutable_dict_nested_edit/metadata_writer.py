"""Decoy: make the column a MutableDict, then keep editing nested levels in place.

Wrong because MutableDict only sees changes to its own top-level keys: d["k"] = v is
tracked, d["settings"]["model"] = v (a plain dict inside) is not. (It looks fixed if the
walk happens to call a tracked method on the top level, such as setdefault, which flags a
change even for a key that exists: a fix by accident, gone with the next refactor.)
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.mutable import MutableDict

from workbook.app.models import Agent

# What MutableDict.as_mutable(JSON) on the column does, applied to the existing mapping.
MutableDict.associate_with_attribute(Agent.agent_metadata)


async def set_metadata(session: AsyncSession, agent: Agent, path: Sequence[str], value: Any) -> None:
    node = agent.agent_metadata
    for key in path[:-1]:
        if key not in node:
            node[key] = {}
        node = node[key]
    node[path[-1]] = value
