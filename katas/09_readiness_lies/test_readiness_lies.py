"""Kata 09 — the readiness probe that always says yes.

Your check_readiness is what the live app's GET /health/ready runs. Each test calls the
probes as an orchestrator would, while the app's database answers, refuses connections
(down), never answers (a dropped route), and after it comes back.
"""

import asyncio

import httpx
import pytest

from workbook.app.api.deps import get_readiness_check
from workbook.live import LiveApp
from workbook.testing.databases import database_down, database_unresponsive

# How long a probe waits for its answer (Kubernetes' default timeoutSeconds is 1): an
# answer later than this counts as no answer at all.
PROBE_TIMEOUT_SECONDS = 1.0


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your check_readiness behind /health/ready."""
    check = kata.component("readiness").check_readiness
    async with await LiveApp.start(overrides={get_readiness_check: lambda: check}) as live:
        yield live


async def probe(live: LiveApp, path: str) -> httpx.Response:
    """GET ``path`` as a probe does: an answer that takes too long fails the test."""
    try:
        async with asyncio.timeout(PROBE_TIMEOUT_SECONDS):
            return await live.client.get(path)
    except TimeoutError:
        raise AssertionError(
            f"GET {path} gave no answer within {PROBE_TIMEOUT_SECONDS} s, the probe's own timeout: "
            f"the check waits on the database for as long as it takes, so a database that never "
            f"answers holds every probe open; expected 503 in time (give the query a timeout)"
        ) from None


def told(response: httpx.Response) -> str:
    return f"{response.status_code} {response.text}"


async def test_ready_when_the_database_answers(live: LiveApp):
    response = await probe(live, "/health/ready")
    assert (response.status_code, response.json()) == (200, {"status": "ready", "database": "ok"}), (
        f"GET /health/ready with the database up answered {told(response)}; expected 200 "
        f'{{"status": "ready", "database": "ok"}}'
    )


async def test_not_ready_while_the_database_is_down_and_still_alive(live: LiveApp):
    async with database_down(live):
        ready = await probe(live, "/health/ready")
        alive = await probe(live, "/health/live")
    assert ready.status_code == 503 and ready.json()["database"] not in ("", "ok"), (
        f"GET /health/ready while every connection to the database is refused answered {told(ready)}; "
        f"expected 503 with the error's name in \"database\": a ready app whose database is down "
        f"gets traffic it can only answer with 500s"
    )
    assert alive.status_code == 200, (
        f"GET /health/live while the database is down answered {told(alive)}; expected 200: the "
        f"process is up, and restarting it would not bring the database back"
    )


async def test_not_ready_in_time_while_the_database_never_answers(live: LiveApp):
    async with database_unresponsive(live):
        ready = await probe(live, "/health/ready")
    assert ready.status_code == 503, (
        f"GET /health/ready while connecting to the database never completes answered {told(ready)}; "
        f"expected 503 within {PROBE_TIMEOUT_SECONDS} s: no answer from the database is not an "
        f"answer that says it is fine"
    )


async def test_ready_again_once_the_database_is_back(live: LiveApp):
    async with database_down(live):
        down = await probe(live, "/health/ready")
    back = await probe(live, "/health/ready")
    assert (down.status_code, back.status_code) == (503, 200), (
        f"GET /health/ready with the database down, then back up, answered {down.status_code} then "
        f"{back.status_code}; expected 503 then 200: each probe asks the database afresh, so "
        f"traffic comes back when it does"
    )
