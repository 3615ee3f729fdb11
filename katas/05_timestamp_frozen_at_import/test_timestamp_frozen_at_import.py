"""Kata 05 — the timestamp frozen at import.

Your ``AuditEvent`` is plugged into the live app behind ``POST /events``, which records an
event the moment it is called and answers with it. The tests control *when* things happen:
they note the time right after your module was imported, wait until the clock has moved
past it, and bracket every event between a reading of the clock before it was made and one
after. A correct stamp lies inside its own bracket.
"""

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import APIRouter, status
from pydantic import BaseModel

from workbook.live import LiveApp


class EventIn(BaseModel):
    """What a client sends: what happened. When it happened is the server's business."""

    action: str


def events_router(AuditEvent: Any) -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.post("/events", response_model=AuditEvent, status_code=status.HTTP_201_CREATED)
    async def record_event(data: EventIn):
        """Record that something happened, now."""
        return AuditEvent(action=data.action)

    return router


@dataclass(frozen=True)
class Imported:
    AuditEvent: Any
    by: datetime  # a clock reading taken right after the import: anything computed while
    # importing is no later than this


@pytest.fixture(scope="module")
def schema(kata) -> Imported:
    """Your AuditEvent, imported once for this file (as an app imports it once)."""
    AuditEvent = kata.component("event_schema").AuditEvent
    return Imported(AuditEvent, datetime.now(UTC))


@pytest.fixture(scope="module")
async def live(schema):
    """The reference app with POST /events built on your AuditEvent."""
    async with await LiveApp.start(routers=[events_router(schema.AuditEvent)]) as live:
        yield live


async def clock_past(moment: datetime) -> datetime:
    """Wait until the clock reads later than ``moment`` (microseconds, here); return it."""
    while (now := datetime.now(UTC)) <= moment:
        await asyncio.sleep(0.001)
    return now


def aware_utc(stamp: datetime, where: str) -> datetime:
    offset = stamp.utcoffset()
    assert offset is not None, (
        f"{where}: created_at is {stamp.isoformat()!r}, a naive datetime (no time zone). "
        f"Nobody can tell which zone it is in, and comparing it with an aware datetime raises "
        f"TypeError. Expected an aware datetime in UTC."
    )
    assert offset.total_seconds() == 0, (
        f"{where}: created_at is {stamp.isoformat()!r}, aware but not in UTC. Expected UTC."
    )
    return stamp


async def post_event(live: LiveApp, action: str) -> datetime:
    response = await live.client.post("/events", json={"action": action})
    assert response.status_code == 201, f"POST /events answered {response.status_code}: {response.text}"
    return aware_utc(datetime.fromisoformat(response.json()["created_at"]), f"POST /events {action!r}")


def bracket(before: datetime, after: datetime) -> str:
    return f"between {before.isoformat()} and {after.isoformat()}"


async def test_each_event_is_stamped_when_it_is_created(live, schema):
    moment, events = schema.by, []
    for action in ("agent.created", "agent.renamed"):
        before = await clock_past(moment)
        created_at = await post_event(live, action)
        moment = datetime.now(UTC)
        events.append((action, before, created_at, moment))
    (_, first_before, first, _), (_, _, second, second_after) = events
    assert first != second, (
        f"two events were recorded through POST /events {bracket(first_before, second_after)}, "
        f"the second after the clock had moved on, yet both carry created_at "
        f"{first.isoformat()} — no later than the moment event_schema.py finished importing "
        f"({schema.by.isoformat()}). Every event should carry the moment it was made."
    )
    for action, before, created_at, after in events:
        assert before <= created_at <= after, (
            f"event {action!r} was recorded {bracket(before, after)}, but it says created_at "
            f"{created_at.isoformat()}: outside the time it was being made."
        )


async def test_created_at_is_an_aware_utc_datetime(live):
    await post_event(live, "agent.deleted")  # its checks are the test


async def test_each_new_event_object_gets_its_own_time(schema):
    AuditEvent = schema.AuditEvent
    before = await clock_past(schema.by)
    first = AuditEvent(action="agent.paused")
    middle = await clock_past(before)
    second = AuditEvent(action="agent.resumed")
    after = datetime.now(UTC)
    for event, (low, high) in ((first, (before, middle)), (second, (middle, after))):
        stamp = aware_utc(event.created_at, f"AuditEvent(action={event.action!r})")
        assert low <= stamp <= high, (
            f"AuditEvent(action={event.action!r}) was made {bracket(low, high)}, but its "
            f"created_at is {stamp.isoformat()}. Two events made one after the other carry "
            f"{first.created_at.isoformat()} and {second.created_at.isoformat()}."
        )


def test_an_explicit_created_at_is_kept(schema):
    when = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    event = schema.AuditEvent(action="agent.created", created_at=when)
    assert event.created_at == when, (
        f"AuditEvent(action='agent.created', created_at={when.isoformat()}) — an event read "
        f"back from storage — came out with created_at {event.created_at.isoformat()}; an "
        f"explicit value must be kept."
    )
