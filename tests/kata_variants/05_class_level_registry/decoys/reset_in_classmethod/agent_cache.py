"""Decoy: a classmethod that assigns a new dict, called from __init__.

Wrong because cls._cache = {} rebinds the attribute on the class, not on the instance: each
new cache replaces the one dict every instance uses, so earlier caches lose their entries
and then share the new dict with the newest one.
"""

from workbook.app.schemas import AgentPublic


class AgentCache:
    """Agents by id, as this app last read them from its database."""

    _cache: dict[int, AgentPublic] = {}

    def __init__(self) -> None:
        self.reset()

    @classmethod
    def reset(cls) -> None:
        cls._cache = {}

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
