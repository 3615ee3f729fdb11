"""Decoy: give each class its own dict with __init_subclass__.

Wrong because that makes one dict per *class*, not per instance: every AgentCache() still
shares AgentCache._cache. The registry-per-subclass pattern is for class-wide state.
"""

from workbook.app.schemas import AgentPublic


class Registry:
    """Gives every subclass a dict of its own."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls._cache = {}


class AgentCache(Registry):
    """Agents by id, as this app last read them from its database."""

    _cache: dict[int, AgentPublic]

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
