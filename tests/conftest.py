"""Fixtures shared by the project's own tests.

Every app-level test runs on the database named by WORKBOOK_DATABASE_URL (SQLite in memory
by default; PostgreSQL in CI's second step), each on a scratch database of its own.
"""

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import os

import pytest
from sqlalchemy import make_url

from workbook.app.config import Settings
from workbook.live import DEMO_PASSWORD, LiveApp
from workbook.served import ServedApp, served_app

# Tests create many users: Argon2 at its cheapest keeps that fast (the hashing itself is
# tested with the real parameters in test_passwords.py).
os.environ.setdefault("WORKBOOK_ARGON2_TIME_COST", "1")
os.environ.setdefault("WORKBOOK_ARGON2_MEMORY_KIB", "64")

PASSWORD = DEMO_PASSWORD


@pytest.fixture
async def live() -> AsyncIterator[LiveApp]:
    """The reference app, started in-process on an empty database."""
    async with await LiveApp.start() as live:
        yield live


@pytest.fixture
async def served() -> AsyncIterator[ServedApp]:
    """The reference app served by uvicorn on a free port of 127.0.0.1 (lifespan run), on
    an empty database: reach it over real HTTP and WebSockets at ``served.url``."""
    async with served_app() as served:
        yield served


@pytest.fixture
async def owner_id(live: LiveApp) -> int:
    """The id of a user who can own agents. The test's ``live.client`` is signed in as them
    (their access token in its Authorization header)."""
    owner = await live.create_user("owner@example.com", full_name="Owner")
    live.client.headers.update(await live.auth_headers(owner))
    return owner["id"]


@pytest.fixture
def create_user(live: LiveApp) -> Callable[..., Awaitable[dict[str, Any]]]:
    """POST /users, expect 201, return the created user (``live.login`` can sign in as them)."""

    async def create(email: str, full_name: str = "") -> dict[str, Any]:
        return await live.create_user(email, full_name=full_name)

    return create


@pytest.fixture
def create_agent(live: LiveApp, owner_id: int) -> Callable[..., Awaitable[dict[str, Any]]]:
    """POST /agents signed in as its owner (`owner_id` unless told otherwise), expect 201,
    return the agent."""

    async def create(owner_id: int = owner_id, **fields: Any) -> dict[str, Any]:
        return await live.create_agent(owner_id, **{"name": "Agent", **fields})

    return create


@pytest.fixture
async def agent(create_agent: Callable[..., Awaitable[dict[str, Any]]]) -> dict[str, Any]:
    """An agent with every field set and a nested metadata document."""
    return await create_agent(
        name="Scout",
        description="finds things",
        status="running",
        agent_metadata={"settings": {"model": "small", "tags": ["fast"]}, "version": 1},
    )


@pytest.fixture
async def unreachable_database_url(tmp_path: Path) -> AsyncIterator[str]:
    """A URL of the configured kind (SQLite or PostgreSQL) whose database cannot be reached."""
    url = make_url(Settings().database_url)
    if url.get_backend_name() == "postgresql":
        with socket.socket() as probe:  # a port nothing listens on once the probe is closed
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        yield url.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
        return
    threads_before = set(threading.enumerate())
    yield f"sqlite+aiosqlite:///{tmp_path / 'no-such-directory' / 'workbook.db'}"
    # After a failed connect, aiosqlite stops its worker thread without waiting for it; the
    # thread then reports to the event loop, and fails if the loop is closed by then (a
    # warning, an error here). Let those threads finish while the loop is still open.
    workers = [
        thread
        for thread in set(threading.enumerate()) - threads_before
        if thread.name.endswith("(_connection_worker_thread)")
    ]
    deadline = time.monotonic() + 5
    while any(thread.is_alive() for thread in workers) and time.monotonic() < deadline:
        await asyncio.sleep(0.001)
