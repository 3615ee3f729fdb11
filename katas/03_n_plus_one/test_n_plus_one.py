"""Kata 03 — the listing that asks once per agent.

Your function serves GET /agents/owner-names on the live app. The tests store agents and
owners directly, call the endpoint as a client would, and count the SQL statements the
app's engine sends while it answers (an engine event listener, as in notebook 03).
"""

import itertools
import re
from collections import Counter
from contextlib import contextmanager

import pytest
from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict
from sqlalchemy import delete, event, select, update

from workbook.app.api.deps import SessionDep
from workbook.app.models import Agent, User
from workbook.live import LiveApp

MAX_QUERIES = 2
fresh = itertools.count(1)


class AgentOwnerNameOut(BaseModel):
    """What the endpoint answers, per agent (read from whatever your function returns)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    owner_name: str


def listing_route(listing) -> APIRouter:
    router = APIRouter()

    @router.get("/agents/owner-names", response_model=list[AgentOwnerNameOut])
    async def agents_with_owner_names(session: SessionDep):
        return await listing.list_agents_with_owner_names(session)

    return router


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app serving your listing. One app for this file's tests."""
    listing = kata.component("agent_listing")
    async with await LiveApp.start(routers=[listing_route(listing)]) as live:
        yield live


async def new_agents(live: LiveApp, count: int) -> dict[int, str]:
    """`count` agents, each with an owner of its own; returns {agent id: owner's full name}."""
    async with live.session() as session:
        owned = []
        for _ in range(count):
            n = next(fresh)
            owner = User(email=f"owner{n}@example.com", full_name=f"Owner Number {n}", hashed_password="-")
            agent = Agent(owner=owner, name=f"agent{n}")
            session.add_all([owner, agent])
            owned.append((agent, owner))
        await session.commit()
        return {agent.id: owner.full_name for agent, owner in owned}


@contextmanager
def statements_sent(live: LiveApp):
    """Collect the SQL statements the app's engine sends while the block runs."""
    sent: list[str] = []

    def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    event.listen(live.engine.sync_engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield sent
    finally:
        event.remove(live.engine.sync_engine, "before_cursor_execute", before_cursor_execute)


def shapes(statements: list[str]) -> str:
    """How many times each statement was sent, in the order they were first sent."""
    counted = Counter(re.sub(r"\s+", " ", s).strip() for s in statements)
    return "; ".join(
        f"{times}x {sql if len(sql) <= 90 else sql[:60] + ' ... ' + sql[-25:]}"
        for sql, times in counted.items()
    )


async def listing(live: LiveApp) -> list[dict]:
    try:
        response = await live.client.get("/agents/owner-names")
    except Exception as error:  # the in-process client re-raises the app's exceptions
        message = f"GET /agents/owner-names got no answer: the app raised {type(error).__name__}: {error}"
    else:
        assert response.status_code == 200, f"GET /agents/owner-names answered {response.status_code}: {response.text}"
        return response.json()
    raise AssertionError(message)


async def test_listing_20_agents_of_20_owners_takes_at_most_2_queries(live):
    async with live.session() as session:  # exactly these 20 agents in the table
        await session.execute(delete(Agent))
        await session.commit()
    await new_agents(live, 20)
    with statements_sent(live) as sent:
        rows = await listing(live)
    owners = len({row["owner_name"] for row in rows})
    queries = len(sent)
    assert queries <= MAX_QUERIES, (
        f"listing {len(rows)} agents of {owners} different owners sent {queries} queries to the "
        f"database; expected at most {MAX_QUERIES}, however many agents there are. Sent: {shapes(sent)}"
    )


async def test_every_agent_is_listed_with_its_owners_name(live):
    owners = await new_agents(live, 5)
    rows = await listing(live)
    ids = [row["id"] for row in rows]
    assert ids == sorted(ids), f"GET /agents/owner-names listed agent ids {ids}; expected them oldest first"
    listed = {row["id"]: row["owner_name"] for row in rows}
    for agent_id, owner_name in owners.items():
        assert listed.get(agent_id) == owner_name, (
            f"agent {agent_id} is owned by {owner_name!r}; GET /agents/owner-names listed "
            f"{'no such agent' if agent_id not in listed else repr(listed[agent_id])}"
        )


async def test_a_renamed_owner_is_listed_with_the_new_name(live):
    owners = await new_agents(live, 3)
    agent_id = next(iter(owners))
    await listing(live)
    async with live.session() as session:
        owner_id = await session.scalar(select(Agent.owner_id).where(Agent.id == agent_id))
        await session.execute(update(User).where(User.id == owner_id).values(full_name="Renamed Owner"))
        await session.commit()
    listed = {row["id"]: row["owner_name"] for row in await listing(live)}
    assert listed.get(agent_id) == "Renamed Owner", (
        f"agent {agent_id}'s owner was renamed to 'Renamed Owner' between two requests; the second "
        f"GET /agents/owner-names still listed {listed.get(agent_id)!r}: the listing must show what "
        f"the database holds now"
    )
