"""Your component: a small cache of the agents one app has already read.

Each app instance makes one ``AgentCache()`` when it starts, and its ``GET /agents/{id}``
answers from that cache before asking the database. A cache belongs to the app (and the
database) that filled it: another ``AgentCache()`` — another app, another test, another
tenant — starts empty and never sees its entries.
"""

from workbook.app.schemas import AgentPublic


class AgentCache:
    """Agents by id, as this app last read them from its database."""

    _cache: dict[int, AgentPublic] = {}

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
