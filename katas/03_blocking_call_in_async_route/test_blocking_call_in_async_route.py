"""Kata 03 — the blocking call in an async route.

Your router is mounted on the live app, whose legacy scoring service takes DELAY seconds
to answer. The tests ask for reports over HTTP, one at a time and N at once, and compare
the two times: requests that spend their time waiting should overlap. Only the ratio
counts, never the seconds, so a slow or busy machine does not change the verdict.
"""

import asyncio
import time

import pytest

from workbook.app.config import Settings
from workbook.app.legacy.scoring import score_of
from workbook.live import LiveApp

DELAY = 0.03  # seconds the scoring service takes per call
N = 10  # concurrent requests
LIMIT = N / 2  # waiting requests that overlap take about 1-2x one request; in turn, about Nx
SERIAL = 0.8 * N  # at or above this, the requests plainly took turns: no second measurement


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your router mounted. One app for this file's tests."""
    reports = kata.component("reports")
    settings = Settings(legacy_delay_s=DELAY)
    async with await LiveApp.start(settings, routers=[reports.router]) as live:
        yield live


@pytest.fixture
async def agent(live: LiveApp) -> dict:
    """A new agent (and owner) for each test."""
    return await live.create_agent()


async def get_report(live: LiveApp, agent_id: int):
    return await live.client.get(f"/agents/{agent_id}/report")


async def seconds_for(live: LiveApp, agent_id: int, n: int) -> float:
    """How long n report requests sent at once take, all answered 200."""
    started = time.perf_counter()
    responses = await asyncio.gather(*(get_report(live, agent_id) for _ in range(n)))
    elapsed = time.perf_counter() - started
    for response in responses:
        assert response.status_code == 200, (
            f"GET /agents/{agent_id}/report answered {response.status_code}: {response.text}"
        )
    return elapsed


async def overlap_ratio(live: LiveApp, agent_id: int) -> tuple[float, float, float]:
    """(ratio, one, batch): N concurrent requests against the fastest of three single ones."""
    one = min([await seconds_for(live, agent_id, 1) for _ in range(3)])
    batch = await seconds_for(live, agent_id, N)
    return batch / one, one, batch


async def test_report_has_the_agents_name_and_score(live, agent):
    response = await get_report(live, agent["id"])
    assert response.status_code == 200, (
        f"GET /agents/{agent['id']}/report answered {response.status_code}: {response.text}"
    )
    expected = {"agent_id": agent["id"], "name": agent["name"], "score": score_of(agent["name"])}
    assert response.json() == expected, (
        f"GET /agents/{agent['id']}/report answered {response.json()}; expected {expected}: "
        f"the name of the agent and the score the scoring service gives that name"
    )


async def test_report_of_an_unknown_agent_is_404(live):
    response = await get_report(live, 999_999)
    assert response.status_code == 404, (
        f"GET /agents/999999/report (no such agent) answered {response.status_code}: {response.text}; expected 404"
    )


async def test_concurrent_reports_overlap(live, agent):
    # Warm up: the first requests open database connections and start worker threads.
    await asyncio.gather(*(live.client.get(f"/agents/{agent['id']}") for _ in range(N)))
    await seconds_for(live, agent["id"], 1)
    ratio, one, batch = await overlap_ratio(live, agent["id"])
    # Between the limit and plainly serial, measure once more before saying no: a busy
    # machine can stall one run.
    if LIMIT <= ratio < SERIAL:
        ratio, one, batch = min((ratio, one, batch), await overlap_ratio(live, agent["id"]))
    assert ratio < LIMIT, (
        f"{N} reports requested at once took {ratio:.1f}x as long as one report "
        f"({batch * 1000:.0f} ms for {N}, {one * 1000:.0f} ms for one); expected under {LIMIT:.0f}x. "
        f"Each report spends its time waiting for the scoring service, so {N} of them should "
        f"wait together; instead they ran one after another, as if every request had to wait "
        f"for the previous one to finish. Something in the route stops the event loop while it waits."
    )
