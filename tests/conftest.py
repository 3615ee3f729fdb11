"""Fixtures shared by the project's own tests.

Every app-level test runs on the database named by WORKBOOK_DATABASE_URL (SQLite in memory
by default; PostgreSQL in CI's second step), each on a scratch database of its own.
"""

from collections.abc import AsyncIterator

import pytest

from workbook.live import LiveApp


@pytest.fixture
async def live() -> AsyncIterator[LiveApp]:
    """The reference app, started in-process on an empty database."""
    async with await LiveApp.start() as live:
        yield live


@pytest.fixture
async def owner_id(live: LiveApp) -> int:
    """The id of a user who can own agents."""
    response = await live.client.post("/users", json={"email": "owner@example.com", "full_name": "Owner"})
    assert response.status_code == 201, response.text
    return response.json()["id"]
