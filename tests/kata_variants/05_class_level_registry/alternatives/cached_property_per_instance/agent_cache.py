"""Alternative: the dict as a functools.cached_property.

Right because cached_property runs the method once per instance, on first use, and stores
the result in that instance's __dict__: every cache gets a dict of its own.
"""

from functools import cached_property

from workbook.app.schemas import AgentPublic


class AgentCache:
    """Agents by id, as this app last read them from its database."""

    @cached_property
    def _cache(self) -> dict[int, AgentPublic]:
        return {}

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
