"""Liveness and readiness probes: /health/live and /health/ready."""

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from workbook.app.config import Settings
from workbook.app.db import create_engine, create_sessionmaker
from workbook.live import LiveApp
from workbook.testing.databases import database_unresponsive

pytestmark = pytest.mark.database


@pytest.fixture
async def database_down(live: LiveApp, unreachable_database_url: str) -> AsyncIterator[Callable[[], None]]:
    """The app's sessions go to a database that cannot be reached, as when it is down.

    Yields a function that brings the working database back (done anyway at the end)."""
    engine = create_engine(Settings(database_url=unreachable_database_url))
    working = live.app.state.sessionmaker

    def bring_back() -> None:
        live.app.state.sessionmaker = working

    live.app.state.sessionmaker = create_sessionmaker(engine)
    try:
        yield bring_back
    finally:
        bring_back()
        await engine.dispose()


async def test_live_answers_ok(live: LiveApp):
    response = await live.client.get("/health/live")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ok"}


async def test_ready_answers_200_when_the_database_answers(live: LiveApp):
    response = await live.client.get("/health/ready")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready", "database": "ok"}


async def test_ready_answers_503_when_the_database_is_unreachable(live: LiveApp, database_down: Callable[[], None]):
    response = await live.client.get("/health/ready")
    assert response.status_code == 503, (
        f"database unreachable: expected 503, got {response.status_code} {response.text}"
    )
    body = response.json()
    assert body["status"] == "unavailable", body
    assert body["database"] not in ("", "ok"), f"expected the database error's name, got {body}"


async def test_ready_answers_503_in_time_when_the_database_never_answers(live: LiveApp):
    # A database behind a dropped route accepts nothing and refuses nothing: without a
    # timeout of its own the check would wait until the probe gave up on it.
    async with database_unresponsive(live):
        try:
            async with asyncio.timeout(1.0):  # a probe's usual timeout
                response = await live.client.get("/health/ready")
        except TimeoutError:
            raise AssertionError("GET /health/ready with a database that never answers: no answer within 1 s") from None
    assert response.status_code == 503, f"database never answers: expected 503, got {response.status_code} {response.text}"
    assert response.json()["database"] == "TimeoutError", response.json()


async def test_live_stays_200_when_the_database_is_unreachable(live: LiveApp, database_down: Callable[[], None]):
    response = await live.client.get("/health/live")
    assert response.status_code == 200, (
        f"database unreachable: liveness should still answer 200, got {response.status_code} {response.text}"
    )


async def test_ready_answers_200_again_when_the_database_is_back(
    live: LiveApp, database_down: Callable[[], None]
):
    down = await live.client.get("/health/ready")
    bring_back = database_down
    bring_back()
    back = await live.client.get("/health/ready")
    assert (down.status_code, back.status_code) == (503, 200), (
        f"database down then back: expected 503 then 200, got {down.status_code} then {back.status_code} {back.text}"
    )


async def test_openapi_documents_the_503_of_ready(live: LiveApp):
    responses = live.app.openapi()["paths"]["/health/ready"]["get"]["responses"]
    assert "503" in responses, f"/health/ready documents only {sorted(responses)}"


async def test_ready_answers_what_the_readiness_check_says():
    """The readiness check is a seam (get_readiness_check): the route maps its verdict."""
    from workbook.app.api.deps import get_readiness_check
    from workbook.app.services.readiness import Readiness

    async def not_ready(session) -> Readiness:
        return Readiness(ready=False, database="MaintenanceWindow")

    async with await LiveApp.start(overrides={get_readiness_check: lambda: not_ready}) as live:
        response = await live.client.get("/health/ready")
    assert (response.status_code, response.json()) == (503, {"status": "unavailable", "database": "MaintenanceWindow"}), (
        f"a check answering not ready: expected 503, got {response.status_code} {response.text}"
    )
