"""Alternative: build new dicts at every level on the path, then assign the new root.

Right because every level that changes is a new object; levels off the path may be shared,
since nothing edits them.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent


def with_key(document: dict[str, Any], path: Sequence[str], value: Any) -> dict[str, Any]:
    head, *rest = path
    if not rest:
        return {**document, head: value}
    return {**document, head: with_key(document.get(head, {}), rest, value)}


async def set_metadata(session: AsyncSession, agent: Agent, path: Sequence[str], value: Any) -> None:
    agent.agent_metadata = with_key(agent.agent_metadata, path, value)
