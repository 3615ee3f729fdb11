"""LiveApp: the in-process app that notebooks and tests drive."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from fastapi import Request
from sqlalchemy import Connection, Engine, event, make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.pool import Pool

from workbook.app.config import Settings
from workbook.app.db import get_db
from workbook.app.models import Base
from workbook.live import DEMO_PASSWORD as PASSWORD
from workbook.live import LiveApp

pytestmark = pytest.mark.database

on_postgresql = make_url(Settings().database_url).get_backend_name() == "postgresql"


class ConnectionCount:
    """DBAPI connections opened and closed by any pool while a test runs, and the engines
    that opened them."""

    def __init__(self) -> None:
        self.opened = self.closed = 0
        self.engines: set[Engine] = set()

    def on_connect(self, *args: object) -> None:
        self.opened += 1

    def on_close(self, *args: object) -> None:
        self.closed += 1

    def on_engine_connect(self, connection: Connection) -> None:
        self.engines.add(connection.engine)

    @property
    def still_open(self) -> int:
        return self.opened - self.closed


@pytest.fixture
async def connections() -> AsyncIterator[ConnectionCount]:
    count = ConnectionCount()
    listeners = [
        (Pool, "connect", count.on_connect),
        (Pool, "close", count.on_close),
        (Engine, "engine_connect", count.on_engine_connect),
    ]
    for target, name, listener in listeners:
        event.listen(target, name, listener)
    try:
        yield count
    finally:
        for target, name, listener in listeners:
            event.remove(target, name, listener)
        # Close whatever a leaky start left open, so no later test trips over it.
        for engine in count.engines:
            await AsyncEngine(engine).dispose()


async def test_each_instance_starts_on_an_empty_database_of_its_own(live: LiveApp):
    created = await live.client.post("/users", json={"email": "ada@example.com", "password": PASSWORD})
    assert created.status_code == 201, created.text
    async with await LiveApp.start() as other:
        ready = await other.client.get("/health/ready")
        assert ready.status_code == 200, ready.text
        seen = await other.client.get(f"/users/{created.json()['id']}")
        assert seen.status_code == 404, f"a second instance sees the first one's user: {seen.text}"
        again = await other.client.post("/users", json={"email": "ada@example.com", "password": PASSWORD})
        assert again.status_code == 201, f"the email taken in the first instance is taken in the second: {again.text}"


async def test_a_new_start_after_a_stop_is_empty_again():
    async with await LiveApp.start() as first:
        created = await first.client.post("/users", json={"email": "ada@example.com", "password": PASSWORD})
        assert created.status_code == 201, created.text
    async with await LiveApp.start() as second:
        seen = await second.client.get(f"/users/{created.json()['id']}")
        assert seen.status_code == 404, f"a restarted app still holds the old user: {seen.text}"


async def test_stop_runs_the_shutdown_which_disposes_the_engine():
    live = await LiveApp.start()
    disposed = []
    event.listen(live.engine.sync_engine, "engine_disposed", disposed.append)
    await live.stop()
    assert disposed == [live.engine.sync_engine], "stop() returned without the app's shutdown disposing its engine"
    assert live.client.is_closed, "stop() left the client open"


async def test_stop_closes_every_database_connection_it_opened(connections: ConnectionCount):
    async with await LiveApp.start() as live:
        response = await live.client.get("/health/ready")
        assert response.status_code == 200, response.text
        assert connections.still_open > 0, "a running app should hold a connection"
    assert connections.still_open == 0, f"after stop(), {connections.still_open} database connection(s) still open"


@pytest.mark.skipif(not on_postgresql, reason="scratch databases exist only on PostgreSQL")
async def test_stop_drops_the_scratch_database():
    live = await LiveApp.start()
    name = live.engine.url.database
    await live.stop()
    admin = create_async_engine(Settings().database_url)
    try:
        async with admin.connect() as connection:
            left = await connection.scalar(text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name})
    finally:
        await admin.dispose()
    assert left == 0, f"scratch database {name} still exists after stop()"


async def test_can_be_started_in_one_task_and_stopped_in_another():
    # As in a notebook (one cell per task) and in pytest fixtures (set-up and tear-down).
    live = await asyncio.create_task(LiveApp.start())
    response = await live.client.get("/health/ready")
    assert response.status_code == 200, response.text
    await asyncio.create_task(live.stop())
    assert live.client.is_closed, "stopping from another task left the client open"


async def test_a_start_on_an_unreachable_database_raises_and_leaves_nothing_running(
    unreachable_database_url: str, connections: ConnectionCount
):
    tasks_before = asyncio.all_tasks()
    # SQLite reports through SQLAlchemy; asyncpg's refused connection is an OSError.
    with pytest.raises((OperationalError, OSError)):
        await LiveApp.start(Settings(database_url=unreachable_database_url))
    left_running = asyncio.all_tasks() - tasks_before
    assert not left_running, f"a failed start left tasks running: {left_running}"
    assert connections.still_open == 0, f"a failed start left {connections.still_open} connection(s) open"


async def test_a_start_failing_after_connecting_leaves_no_connection_open(
    monkeypatch: pytest.MonkeyPatch, connections: ConnectionCount
):
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("schema creation failed")

    monkeypatch.setattr(Base.metadata, "create_all", fail)
    with pytest.raises(RuntimeError, match="schema creation failed"):
        await LiveApp.start()
    assert connections.opened > 0, "the start should have failed after connecting"
    assert connections.still_open == 0, (
        f"start-up failed while creating the tables: expected every connection closed, "
        f"{connections.still_open} of {connections.opened} still open (the engine was never disposed)"
    )


async def test_start_applies_the_overrides():
    requests_seen = []

    async def recording_get_db(request: Request) -> AsyncIterator[AsyncSession]:
        requests_seen.append(request.url.path)
        async with request.app.state.sessionmaker() as session:
            yield session

    async with await LiveApp.start(overrides={get_db: recording_get_db}) as live:
        assert live.app.dependency_overrides == {get_db: recording_get_db}
        response = await live.client.get("/health/ready")
        assert response.status_code == 200, response.text
    assert requests_seen == ["/health/ready"], f"the overriding get_db saw {requests_seen}"


async def test_routes_lists_every_http_operation_with_its_summary(live: LiveApp):
    listed = {}
    for line in live.routes():
        method, path, summary = line.split(maxsplit=2)
        listed[method, path] = summary
    documented = {
        (method.upper(), path): operation["summary"]
        for path, operations in live.app.openapi()["paths"].items()
        for method, operation in operations.items()
    }
    assert listed == documented, f"routes() listed {listed}, the OpenAPI document has {documented}"
    assert ("PATCH", "/agents/{agent_id}/metadata") in listed, f"routes() is missing the metadata route: {listed}"

async def test_login_signs_in_as_a_user_made_by_create_user(live: LiveApp):
    user = await live.create_user(full_name="Ada Lovelace")
    pair = await live.login(user)
    response = await live.client.get("/users/me", headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert response.status_code == 200, response.text
    assert response.json()["id"] == user["id"], f"/users/me answered {response.json()} for user {user['id']}"


async def test_auth_headers_carry_an_access_token_the_app_accepts(live: LiveApp):
    user = await live.create_user(full_name="Ada Lovelace")
    response = await live.client.get("/users/me", headers=await live.auth_headers(user))
    assert response.status_code == 200, response.text
    assert response.json()["id"] == user["id"], f"/users/me answered {response.json()} for user {user['id']}"


async def test_login_refuses_a_user_it_did_not_make(live: LiveApp):
    with pytest.raises(LookupError, match="not made by this LiveApp"):
        await live.login(12345)


async def test_start_uses_the_connection_manager_given():
    from workbook.app.realtime import ConnectionManager

    manager = ConnectionManager()
    async with await LiveApp.start(connection_manager=manager) as live:
        assert live.app.state.connection_manager is manager
