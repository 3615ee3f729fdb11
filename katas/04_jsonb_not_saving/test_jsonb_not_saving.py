"""Kata 04 — the metadata change that never saves.

Each test changes an agent's metadata through the live app, then reads the agent back
through a fresh session: that sees what is in the database, not what Python remembers.
"""

import json
from typing import Any

import pytest

from workbook.app.api.deps import get_metadata_writer
from workbook.app.models import Agent
from workbook.live import LiveApp

START = {"settings": {"model": "small", "temperature": 0.2}, "tags": ["alpha"]}


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app, with your ``set_metadata`` plugged into its agent service.
    One app for this file's tests; each test makes an agent of its own."""
    writer = kata.component("metadata_writer").set_metadata
    async with await LiveApp.start(overrides={get_metadata_writer: lambda: writer}) as live:
        yield live


@pytest.fixture
async def agent_id(live: LiveApp) -> int:
    """A new agent (and owner) for each test, with START as its metadata; the app's client
    is signed in as its owner (only the owner may change an agent)."""
    agent = await live.create_agent(agent_metadata=START)
    live.client.headers.update(await live.auth_headers(agent["owner_id"]))
    return agent["id"]


async def set_key(live: LiveApp, agent_id: int, path: list[str], value: Any) -> dict:
    response = await live.client.patch(
        f"/agents/{agent_id}/metadata", json={"path": path, "value": value}
    )
    assert response.status_code == 200, f"PATCH metadata answered {response.status_code}: {response.text}"
    return response.json()["agent_metadata"]


async def stored_metadata(live: LiveApp, agent_id: int) -> dict:
    async with live.session() as fresh:
        agent = await fresh.get(Agent, agent_id)
        return agent.agent_metadata


def shown(document: dict) -> str:
    return json.dumps(document, sort_keys=True)  # one key order on SQLite and PostgreSQL


def lost_change(what: str, answered: dict, stored: dict) -> str:
    return (
        f"{what}: the endpoint answered {shown(answered)}, but after the commit a fresh "
        f"session read {shown(stored)}. The change stayed in the Python object and never "
        f"reached the database."
    )


async def test_changing_a_nested_key_is_saved(live, agent_id):
    answered = await set_key(live, agent_id, ["settings", "model"], "large")
    stored = await stored_metadata(live, agent_id)
    assert stored["settings"]["model"] == "large", lost_change(
        "set settings.model to 'large'", answered, stored
    )


async def test_a_key_under_a_new_level_is_saved(live, agent_id):
    answered = await set_key(live, agent_id, ["limits", "tokens", "daily"], 5000)
    stored = await stored_metadata(live, agent_id)
    assert stored.get("limits") == {"tokens": {"daily": 5000}}, lost_change(
        "set limits.tokens.daily to 5000", answered, stored
    )


async def test_changing_a_top_level_key_is_saved(live, agent_id):
    answered = await set_key(live, agent_id, ["tags"], ["alpha", "beta"])
    stored = await stored_metadata(live, agent_id)
    assert stored["tags"] == ["alpha", "beta"], lost_change(
        "set tags to ['alpha', 'beta']", answered, stored
    )


async def test_other_keys_are_kept(live, agent_id):
    await set_key(live, agent_id, ["settings", "model"], "large")
    stored = await stored_metadata(live, agent_id)
    expected = {"settings": {"model": "large", "temperature": 0.2}, "tags": ["alpha"]}
    assert stored == expected, (
        f"after setting settings.model to 'large', a fresh session read {shown(stored)}; "
        f"expected {shown(expected)}: only the one key may change, every other key stays as it was"
    )


async def test_successive_changes_are_all_saved(live, agent_id):
    await set_key(live, agent_id, ["settings", "model"], "large")
    answered = await set_key(live, agent_id, ["settings", "temperature"], 0.7)
    stored = await stored_metadata(live, agent_id)
    assert stored["settings"] == {"model": "large", "temperature": 0.7}, lost_change(
        "set settings.model, then settings.temperature", answered, stored
    )
