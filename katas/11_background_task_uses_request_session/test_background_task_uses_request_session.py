"""Kata 11 — the background task that reuses the request's session.

The runs endpoint (runs_endpoint.py, with your run_launcher.py) is plugged into the live
app. Each test starts runs of an agent of its own over HTTP, as a client would, and reads
the agent through a fresh session: once at the moment the response was complete (before
any background task ran), and again after the request's background tasks have finished
(in-process, the client's call returns only then).
"""

import pytest

from workbook.app.models import Agent
from workbook.live import LiveApp
from workbook.testing.after_response import Exchange, exchange, told
from workbook.testing.answers import crashes_told_once


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with the runs endpoint (and your run_launcher) included."""
    async with await LiveApp.start(routers=[kata.component("runs_endpoint").router]) as live:
        yield live


@pytest.fixture(scope="module")
async def owner_id(live: LiveApp) -> int:
    """One owner for this file's agents (each test makes an agent of its own)."""
    return (await live.create_user())["id"]


async def stored_status(live: LiveApp, agent_id: int) -> str:
    """The agent's status in the database (a fresh session: what is committed)."""
    async with live.session() as fresh:
        return (await fresh.get(Agent, agent_id)).status


async def start_run(live: LiveApp, agent_id: int) -> Exchange:
    """POST /agents/{id}/runs; the agent's stored status is read when the response is complete."""
    try:
        with crashes_told_once():
            started = await exchange(
                live, "POST", f"/agents/{agent_id}/runs", at_response=lambda: stored_status(live, agent_id)
            )
    except Exception as exc:  # raised before the response: a client would get a bare 500
        raise AssertionError(
            f"POST /agents/{agent_id}/runs crashed inside the app before answering: {told(exc)}; "
            f"expected 202 Accepted"
        ) from None
    assert started.status == 202, f"POST /agents/{agent_id}/runs answered {started}; expected 202 Accepted"
    return started


def assert_run_done(what: str, started: Exchange, stored: str) -> None:
    error = started.raised_after_response
    task = "its background task ran without an error" if error is None else (
        f"then, after the response, its background task raised {told(error)}"
    )
    done = error is None and stored == "done"
    assert done, (
        f"{what}: the endpoint answered {started}, {task}, and a fresh session now reads the "
        f"agent's status as {stored!r}; expected 'done', and no error after the response. The "
        f"client was told the run would happen."
    )


async def test_the_run_is_accepted_before_it_happens(live: LiveApp, owner_id: int):
    agent = await live.create_agent(owner_id)
    started = await start_run(live, agent["id"])
    assert started.json() == {"agent_id": agent["id"], "status": "queued"}, (
        f"POST /agents/{agent['id']}/runs answered {started}; expected the agent 'queued': the "
        f"answer says the run is accepted, not that it is over"
    )
    assert started.seen_at_response == "queued", (
        f"when the 202 for POST /agents/{agent['id']}/runs had been sent, a fresh session read "
        f"the agent's status as {started.seen_at_response!r}; expected 'queued'. The run happened "
        f"before the response, so the client waited for it: it belongs in a background task, "
        f"after the response"
    )


async def test_the_run_finishes_after_the_response(live: LiveApp, owner_id: int):
    agent = await live.create_agent(owner_id)
    started = await start_run(live, agent["id"])
    stored = await stored_status(live, agent["id"])
    assert_run_done(f"started a run of agent {agent['id']}", started, stored)


async def test_an_agent_can_run_again(live: LiveApp, owner_id: int):
    agent = await live.create_agent(owner_id)
    for run in ("first", "second"):
        started = await start_run(live, agent["id"])
        stored = await stored_status(live, agent["id"])
        assert_run_done(f"started the {run} of two runs of agent {agent['id']}, one after the other", started, stored)
