"""Kata 09 — one time series per agent.

Your route_label names the route label of the live app's request metrics. Each test sends
requests as clients (and scanners) do, then reads http_requests_total from the app's own
registry: which label sets the requests were counted under, and how many each got.
"""

from collections.abc import Awaitable, Callable

import pytest

from workbook.live import LiveApp
from workbook.testing.monitoring import RequestCounts


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your route_label as its metrics' route labeller."""
    async with await LiveApp.start(route_labeller=kata.component("route_label").route_label) as live:
        yield live


@pytest.fixture
def counted(live: LiveApp) -> Callable[[Callable[[], Awaitable[None]]], Awaitable[dict]]:
    """``await counted(send)``: run ``send``, answer the label sets it added to
    http_requests_total ({(route, method, status): requests})."""
    counts = RequestCounts(live)

    async def run(send: Callable[[], Awaitable[None]]) -> dict:
        before = counts.now()
        await send()
        return RequestCounts.added(before, counts.now())

    return run


def shown(added: dict) -> str:
    sets = sorted(added)
    listed = ", ".join(f"{{route={route!r}, method={method}, status={status}}}" for route, method, status in sets[:4])
    more = f", ... ({len(sets) - 4} more)" if len(sets) > 4 else ""
    return f"{len(sets)} label set(s): {listed}{more}"


async def test_fifty_agent_ids_are_one_label_set(live: LiveApp, counted):
    async def send() -> None:
        # A client whose token has expired flushing its queue of edits: 401 each, counted
        # like any answer (and cheap to send: refused before the database is asked).
        for agent_id in range(1001, 1051):
            await live.client.patch(f"/agents/{agent_id}", json={"name": "Renamed"})

    added = await counted(send)
    assert list(added.items()) == [(("/agents/{agent_id}", "PATCH", "401"), 50)], (
        f"PATCH /agents/1001 ... /agents/1050 (50 agent ids, one route) were counted under {shown(added)}; "
        f"expected one label set, route=\"/agents/{{agent_id}}\" (the route's template), counted 50 times: "
        f"every distinct label value is a time series of its own, kept in memory for the life of the process"
    )


async def test_names_that_are_not_numbers_are_one_label_set_too(live: LiveApp, counted):
    async def send() -> None:
        for room in ("lobby", "kitchen", "ops-eu", "team_a", "b7f3c2aa-9c1e", "dev", "qa", "support"):
            await live.client.get(f"/rooms/{room}")  # no token: 401, still the route's request

    added = await counted(send)
    assert list(added.items()) == [(("/rooms/{room}", "GET", "401"), 8)], (
        f"GET /rooms/<name> for 8 room names were counted under {shown(added)}; expected one label set, "
        f"route=\"/rooms/{{room}}\", counted 8 times: ids are not only numbers (names, UUIDs, slugs)"
    )


async def test_the_query_string_is_not_part_of_the_label(live: LiveApp, counted):
    async def send() -> None:
        for owner_id in range(1, 6):
            await live.client.get("/agents", params={"owner_id": owner_id})

    added = await counted(send)
    assert list(added.items()) == [(("/agents", "GET", "200"), 5)], (
        f"GET /agents?owner_id=1 ... ?owner_id=5 were counted under {shown(added)}; expected one label "
        f"set, route=\"/agents\", counted 5 times: a query string holds values as varied as any id"
    )


async def test_paths_no_route_matches_share_one_label(live: LiveApp, counted):
    scanned = ["/wp-admin/setup.php", "/.env", "/admin/config.json", "/phpmyadmin/", "/api/v1/users/7", "/backup.zip"]

    async def send() -> None:
        for path in scanned:
            await live.client.get(path)

    added = await counted(send)
    routes = {route for route, _, _ in added}
    assert len(added) == 1 and not routes & set(scanned), (
        f"GET of {len(scanned)} paths no route matches (what scanners send all day) were counted under "
        f"{shown(added)}; expected one label set for all of them, with a fixed route label (not the "
        f"path): otherwise anyone on the internet can add time series at will"
    )


async def test_each_route_keeps_a_label_of_its_own(live: LiveApp, counted):
    async def send() -> None:
        await live.client.get("/health/live")
        await live.client.get("/agents/1")

    added = await counted(send)
    routes = sorted({route for route, _, _ in added})
    assert routes == ["/agents/{agent_id}", "/health/live"], (
        f"GET /health/live and GET /agents/1 were counted under {shown(added)}; expected two label sets, "
        f"route=\"/health/live\" and route=\"/agents/{{agent_id}}\": one label for every request keeps "
        f"the series count low and loses what the metrics are for, which route is slow or failing"
    )
