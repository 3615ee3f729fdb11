"""Kata 09 — log lines that cannot be told apart.

Your bind_request_context is the live app's log-context binding. Each test sends requests
as a client would (with or without X-Request-ID, two at once), captures the JSON lines the
app logged meanwhile, and checks what each line says about its request.
"""

import asyncio

import pytest
from fastapi import APIRouter, Request

from workbook.app.observability.logs import get_logger
from workbook.live import LiveApp
from workbook.testing.monitoring import captured_logs

# A route that logs, waits until a second request has reached it too, and logs again: two
# requests in flight at once, as on any busy server, and no timing left to chance.
steps = APIRouter()
step_log = get_logger("workbook.app.services.steps")


@steps.get("/steps/{caller}")
async def two_steps(caller: str, request: Request) -> dict[str, str]:
    step_log.info("step one", caller=caller)
    await request.app.state.both_in_flight.wait()
    step_log.info("step two", caller=caller)
    return {"caller": caller}


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your bind_request_context as its log-context binding (and
    the two-step route above)."""
    binder = kata.component("log_context").bind_request_context
    async with await LiveApp.start(log_context=binder, routers=[steps]) as live:
        yield live


def listed(lines: list[dict]) -> str:
    keys = ("event", "request_id", "route", "method", "caller")
    return "\n".join("  " + str({key: line[key] for key in keys if key in line}) for line in lines)


async def test_every_line_of_a_request_carries_the_callers_request_id(live: LiveApp):
    headers = {**await live.auth_headers(await live.create_user()), "X-Request-ID": "gw-7f3a.create"}
    with captured_logs() as logs:
        response = await live.client.post("/agents", json={"name": "Scout"}, headers=headers)
    lines = logs.all()
    events = {line["event"] for line in lines}
    assert response.status_code == 201 and {"agent created", "request finished"} <= events, (
        f"POST /agents answered {response.status_code} {response.text} and logged:\n{listed(lines)}\n"
        f"expected 201, the service's 'agent created' line and the 'request finished' line"
    )
    without = [line for line in lines if line.get("request_id") != "gw-7f3a.create"]
    assert not without, (
        f"POST /agents with X-Request-ID: gw-7f3a.create logged {len(lines)} line(s); these do not carry "
        f"request_id \"gw-7f3a.create\":\n{listed(without)}\nexpected every line of the request to carry "
        f"it (the caller's id, not a new one), so that one filter finds them all"
    )
    service = logs.one(event="agent created")
    assert (service.get("route"), service.get("method")) == ("/agents", "POST"), (
        f"the service's 'agent created' line: {service}; expected route \"/agents\" and method \"POST\" "
        f"on it too, as before"
    )


async def test_a_request_without_an_id_gets_one_that_its_lines_and_its_response_share(live: LiveApp):
    agent = await live.create_agent()
    with captured_logs() as logs:
        response = await live.client.get(f"/agents/{agent['id']}")
    echoed = response.headers.get("X-Request-ID")
    lines = logs.all()
    ids = {line.get("request_id") for line in lines}
    assert ids == {echoed}, (
        f"GET /agents/{agent['id']} without X-Request-ID: the response echoed X-Request-ID {echoed!r}, "
        f"and the request's {len(lines)} line(s) carry request_id {sorted(map(str, ids))}:\n{listed(lines)}\n"
        f"expected every line to carry the id the response gives the caller (the one the app made)"
    )
    finished = logs.one(event="request finished")
    assert (finished.get("route"), finished.get("method")) == ("/agents/{agent_id}", "GET"), (
        f"the 'request finished' line of GET /agents/{agent['id']}: {finished}; expected route "
        f"\"/agents/{{agent_id}}\" (the template, not the path) and method \"GET\""
    )


async def test_two_requests_at_once_keep_their_own_ids(live: LiveApp):
    live.app.state.both_in_flight = asyncio.Barrier(2)
    sent = {"first": "req-first-1", "second": "req-second-2"}

    async def send(caller: str) -> None:
        response = await live.client.get(f"/steps/{caller}", headers={"X-Request-ID": sent[caller]})
        assert response.status_code == 200, f"GET /steps/{caller} answered {response.status_code} {response.text}"

    with captured_logs() as logs:
        try:
            async with asyncio.timeout(1):
                await asyncio.gather(send("first"), send("second"))
        except TimeoutError:
            raise AssertionError(
                f"two requests to GET /steps/<caller> did not both finish within 1 s (each waits for the "
                f"other to arrive); lines logged:\n{listed(logs.all())}"
            ) from None
    steps_logged = [line for line in logs.all() if "caller" in line]
    mixed = [line for line in steps_logged if line.get("request_id") != sent[line["caller"]]]
    assert len(steps_logged) == 4 and not mixed, (
        f"two requests in flight at once, X-Request-ID {sent['first']} and {sent['second']}, each "
        f"logging a line, waiting until the other arrived, then logging another, logged:\n{listed(steps_logged)}\n"
        f"expected each line to carry its own request's id: a value every request shares (a global, "
        f"a thread-local: one thread runs them all) is overwritten by the request that started last"
    )
