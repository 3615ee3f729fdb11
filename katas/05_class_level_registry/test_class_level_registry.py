"""Kata 05 — the registry every instance shares.

Your ``AgentCache`` is plugged into the live app: each app started here gets an
``AgentCache()`` of its own through a dependency, and its ``GET /agents/{id}`` answers from
that cache before asking its database. Each test imports your file afresh, so what one test
leaves in a cache cannot reach the next.
"""

from typing import Annotated, Any

import pytest
from fastapi import APIRouter, Depends

from workbook.app.api.deps import AgentServiceDep
from workbook.app.schemas import AgentPublic
from workbook.live import LiveApp


def get_agent_cache() -> Any:
    """The app's AgentCache: every app started here overrides this with its own instance."""
    raise RuntimeError("this app was started without an AgentCache")


router = APIRouter(tags=["agents"])


@router.get("/agents/{agent_id}", response_model=AgentPublic)
async def read_agent(agent_id: int, agents: AgentServiceDep, cache: Annotated[Any, Depends(get_agent_cache)]):
    """One agent by id: from this app's cache if it has it, else from the database."""
    agent = cache.get(agent_id)
    if agent is None:
        agent = AgentPublic.model_validate(await agents.get(agent_id=agent_id))
        cache.put(agent)
    return agent


@pytest.fixture
def AgentCache(kata) -> Any:
    """Your AgentCache class, freshly imported for each test."""
    return kata.component("agent_cache").AgentCache


async def start_app(AgentCache: Any) -> LiveApp:
    """A new app on a new, empty database, with an AgentCache() of its own."""
    cache = AgentCache()
    return await LiveApp.start(overrides={get_agent_cache: lambda: cache}, routers=[router])


def agent(agent_id: int, name: str) -> AgentPublic:
    return AgentPublic(id=agent_id, owner_id=1, name=name, description=None, status="idle", agent_metadata={})


def name_of(found: AgentPublic | None) -> str | None:
    return None if found is None else found.name


async def test_two_apps_do_not_share_cached_agents(AgentCache):
    async with await start_app(AgentCache) as app_a, await start_app(AgentCache) as app_b:
        alpha = await app_a.create_agent(name="alpha")
        beta = await app_b.create_agent(name="beta")
        agent_id = alpha["id"]
        assert beta["id"] == agent_id, (
            f"set-up: two fresh databases should number their first agent alike, got "
            f"{agent_id} and {beta['id']}"
        )
        seen = {}
        for label, app in (("A", app_a), ("B", app_b)):
            response = await app.client.get(f"/agents/{agent_id}")
            assert response.status_code == 200, f"app {label}: GET /agents/{agent_id} answered {response.status_code}: {response.text}"
            seen[label] = response.json()["name"]
    assert seen == {"A": "alpha", "B": "beta"}, (
        f"two apps, each with its own database and its own AgentCache(): agent {agent_id} is "
        f"'alpha' in app A's database and 'beta' in app B's. App A served it first; then "
        f"GET /agents/{agent_id} answered {seen['A']!r} in app A and {seen['B']!r} in app B. "
        f"App B served an agent it never had."
    )


def test_a_new_cache_starts_empty(AgentCache):
    first = AgentCache()
    first.put(agent(1, "alpha"))
    second = AgentCache()
    found = second.get(1)
    assert found is None, (
        f"one AgentCache() cached agent 1 ('alpha'); then a brand-new AgentCache() was made, "
        f"and its get(1) returned {name_of(found)!r} instead of None. A new cache must start "
        f"empty."
    )


def test_each_cache_keeps_its_own_entries(AgentCache):
    first, second = AgentCache(), AgentCache()
    first.put(agent(1, "alpha"))
    second.put(agent(1, "beta"))
    seen = {"first": name_of(first.get(1)), "second": name_of(second.get(1))}
    assert seen == {"first": "alpha", "second": "beta"}, (
        f"two caches: first.put(agent 1 'alpha'), then second.put(agent 1 'beta'). "
        f"get(1) then returned {seen['first']!r} from the first and {seen['second']!r} from "
        f"the second; expected 'alpha' and 'beta'."
    )
    second.forget(1)
    seen = {"first": name_of(first.get(1)), "second": name_of(second.get(1))}
    assert seen == {"first": "alpha", "second": None}, (
        f"after second.forget(1), get(1) returned {seen['first']!r} from the first cache and "
        f"{seen['second']!r} from the second; expected 'alpha' and None: forgetting in one "
        f"cache must not touch another."
    )
