"""Kata 01 — the PATCH that overwrites fields nobody sent.

Each test creates an agent (name, description, status all set), sends one PATCH through
the live app, then reads the agent back through a fresh session: what the database holds
after the commit. The fields the request did not send must be exactly as they were.
"""

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from workbook.app.api.deps import get_update_applier
from workbook.app.models import Agent
from workbook.live import LiveApp

FIELDS = ["name", "description", "status"]


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app, with your ``apply_update`` plugged into its agent service.
    One app for this file's tests; each test makes an agent of its own."""
    applier = kata.component("update_applier").apply_update
    async with await LiveApp.start(overrides={get_update_applier: lambda: applier}) as live:
        yield live


@pytest.fixture
async def agent(live: LiveApp) -> dict[str, Any]:
    """A new agent (and owner) whose every field has a value."""
    created = await live.create_agent(description="Finds leads", status="running")
    return {"id": created["id"], "owner_id": created["owner_id"], **{field: created[field] for field in FIELDS}}


def shown(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


@contextmanager
def columns_updated(engine: AsyncEngine) -> Iterator[list[list[str]]]:
    """The columns each UPDATE of the agents table sets while the block runs."""
    updates: list[list[str]] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        match = re.match(r"\s*UPDATE\s+agents\s+SET\s+(.*?)\s+WHERE\s", statement, re.IGNORECASE | re.DOTALL)
        if match:
            updates.append(re.findall(r"(\w+)\s*=", match.group(1)))

    event.listen(engine.sync_engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield updates
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", before_cursor_execute)


def what_was_written(body: dict[str, Any], updates: list[list[str]]) -> str:
    sent = sorted(body)
    if not updates:
        return f"The request sent the fields {sent}; no UPDATE reached the database."
    written = sorted({column for update in updates for column in update})
    return f"The request sent the fields {sent}; the UPDATE sent to the database set {written}."


async def stored(live: LiveApp, agent_id: int) -> dict[str, Any]:
    """The agent's fields as the database holds them (a new session, not the request's)."""
    async with live.session() as fresh:
        row = await fresh.get(Agent, agent_id)
        return {field: getattr(row, field) for field in FIELDS}


async def patch_and_check(live: LiveApp, agent: dict[str, Any], body: dict[str, Any], why: str) -> None:
    """PATCH the agent with ``body``; expect 200, and every field as before except those
    sent, which take the values sent."""
    before = {field: agent[field] for field in FIELDS}
    expected = {**before, **body}
    signed_in_as_owner = await live.auth_headers(agent["owner_id"])
    with columns_updated(live.engine) as updates:
        try:
            response = await live.client.patch(f"/agents/{agent['id']}", json=body, headers=signed_in_as_owner)
        except Exception as exc:  # the app raised instead of answering: a server sends 500
            raise AssertionError(
                f"PATCH /agents/{{id}} {shown(body)} raised {type(exc).__name__} in the app (a "
                f"server would answer 500): {exc}. {what_was_written(body, updates)}"
            ) from None  # the message says it all; the chained traceback would bury it
    assert response.status_code == 200, (
        f"PATCH /agents/{{id}} {shown(body)} answered {response.status_code} {response.text}; "
        f"expected 200. {what_was_written(body, updates)}"
    )
    after = await stored(live, agent["id"])
    assert after == expected, (
        f"agent was {shown(before)}; after PATCH /agents/{{id}} {shown(body)} a fresh session "
        f"read {shown(after)}, expected {shown(expected)}. {why} "
        f"{what_was_written(body, updates)}"
    )
    answered = {field: response.json().get(field) for field in FIELDS}
    assert answered == expected, (
        f"PATCH /agents/{{id}} {shown(body)} answered {shown(answered)}; the database holds "
        f"{shown(after)}: the answer should show the agent as saved"
    )


async def test_renaming_and_pausing_keeps_the_description(live, agent):
    await patch_and_check(
        live, agent, {"name": "scout-2", "status": "paused"},
        "The description was not in the request, so it must keep its value.",
    )


async def test_renaming_alone_keeps_description_and_status(live, agent):
    await patch_and_check(
        live, agent, {"name": "scout-2"},
        "Only the name was in the request, so only the name may change.",
    )


async def test_a_new_description_keeps_name_and_status(live, agent):
    await patch_and_check(
        live, agent, {"description": "Reads the news"},
        "Only the description was in the request, so only it may change.",
    )


async def test_null_clears_the_description(live, agent):
    await patch_and_check(
        live, agent, {"description": None},
        "Sending null is how a client clears the description: a field sent as null is a "
        "change, a field left out is not.",
    )


async def test_an_empty_patch_changes_nothing(live, agent):
    await patch_and_check(live, agent, {}, "An empty PATCH sends no change at all.")
