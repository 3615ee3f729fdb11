"""Alternative: a dataclass whose dict field has default_factory=dict.

Right because the generated __init__ calls dict() for every new instance: each cache gets a
dict of its own.
"""

from dataclasses import dataclass, field

from workbook.app.schemas import AgentPublic


@dataclass
class AgentCache:
    """Agents by id, as this app last read them from its database."""

    _cache: dict[int, AgentPublic] = field(default_factory=dict)

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
