"""Decoy: make AgentCache a dataclass, with the dict as a ClassVar.

Wrong because ClassVar tells dataclasses to leave the attribute alone: it stays a class
attribute, made once and shared by every instance (a plain dataclass field with = {} would be
refused outright: "mutable default ... use default_factory").
"""

from dataclasses import dataclass
from typing import ClassVar

from workbook.app.schemas import AgentPublic


@dataclass
class AgentCache:
    """Agents by id, as this app last read them from its database."""

    _cache: ClassVar[dict[int, AgentPublic]] = {}

    def get(self, agent_id: int) -> AgentPublic | None:
        """The cached agent, or None if this cache has not seen it."""
        return self._cache.get(agent_id)

    def put(self, agent: AgentPublic) -> None:
        self._cache[agent.id] = agent

    def forget(self, agent_id: int) -> None:
        """Drop one agent (after it changed or was deleted)."""
        self._cache.pop(agent_id, None)

    def __len__(self) -> int:
        return len(self._cache)
