"""Decoy: _cache = dict() at class level instead of {}.

Wrong because dict() is called once, when the class body runs: still one dict, stored on the
class and shared by every instance.
"""

from workbook.app.schemas import AgentPublic


class AgentCache:
    """Agents by id, as this app last read them from its database."""

    _cache: dict[int, AgentPublic] = dict()

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
