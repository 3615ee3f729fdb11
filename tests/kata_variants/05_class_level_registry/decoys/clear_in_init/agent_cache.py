"""Decoy: clear the class-level dict in __init__.

Wrong because there is still one dict for every instance: a new cache starts empty only by
wiping everybody else's entries, and from then on all instances read and write that one dict.
"""

from workbook.app.schemas import AgentPublic


class AgentCache:
    """Agents by id, as this app last read them from its database."""

    _cache: dict[int, AgentPublic] = {}

    def __init__(self) -> None:
        self._cache.clear()  # start empty

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
