"""Decoy: move the dict out of the class, to module level.

Wrong because a module is imported once per process: the module-level dict is as shared as
the class attribute was, by every instance, app and test in the process.
"""

from workbook.app.schemas import AgentPublic

_CACHE: dict[int, AgentPublic] = {}


class AgentCache:
    """Agents by id, as this app last read them from its database."""

    def get(self, agent_id: int) -> AgentPublic | None:
        """The cached agent, or None if this cache has not seen it."""
        return _CACHE.get(agent_id)

    def put(self, agent: AgentPublic) -> None:
        _CACHE[agent.id] = agent

    def forget(self, agent_id: int) -> None:
        """Drop one agent (after it changed or was deleted)."""
        _CACHE.pop(agent_id, None)

    def __len__(self) -> int:
        return len(_CACHE)
