"""JSON logs with the request's context: X-Request-ID taken (if valid) or made, echoed, and
carried by every line of the request, service lines included; route template; user id."""

import asyncio
import re
from collections.abc import Iterator

import httpx
import pytest
import structlog
from fastapi import Depends, FastAPI
from starlette.middleware.base import BaseHTTPMiddleware

from workbook.testing.monitoring import LogLines, captured_logs
from workbook.app.observability.logs import RequestContext, bind_user, get_logger
from workbook.app.observability.metrics import HttpMetrics, label_by_route_template
from workbook.app.observability.request_context import RequestContextMiddleware
from workbook.live import LiveApp

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def logs() -> Iterator[LogLines]:
    with captured_logs() as lines:
        yield lines


async def test_a_valid_request_id_is_echoed_and_carried_by_every_line_of_the_request(live: LiveApp, logs: LogLines):
    owner = await live.create_user()
    headers = {**await live.auth_headers(owner), "X-Request-ID": "req-42.a_b:c"}
    response = await live.client.post("/agents", json={"name": "Scout"}, headers=headers)
    assert response.status_code == 201, response.text
    assert response.headers["X-Request-ID"] == "req-42.a_b:c", f"echoed {response.headers.get('X-Request-ID')!r}"
    lines = logs.where(request_id="req-42.a_b:c")
    events = {line["event"] for line in lines}
    assert {"agent created", "request finished"} <= events, (
        f"POST /agents with X-Request-ID req-42.a_b:c: expected the service's 'agent created' line and the "
        f"'request finished' line to carry it; lines with it: {lines}; all lines: {logs.all()}"
    )


async def test_the_service_line_carries_request_id_route_template_method_and_user_id(live: LiveApp, logs: LogLines):
    owner = await live.create_user()
    headers = {**await live.auth_headers(owner), "X-Request-ID": "create-1"}
    agent = (await live.client.post("/agents", json={"name": "Scout"}, headers=headers)).json()
    line = logs.one(event="agent created")
    assert line["logger"] == "workbook.app.services.agents", line
    context = {key: line.get(key) for key in ("request_id", "route", "method", "user_id", "agent_id", "level")}
    assert context == {
        "request_id": "create-1", "route": "/agents", "method": "POST", "user_id": owner["id"],
        "agent_id": agent["id"], "level": "info",
    }, f"the service's line: {line}"


async def test_the_route_is_the_template_and_the_raw_path_is_kept_apart(live: LiveApp, logs: LogLines):
    agent = await live.create_agent()
    await live.client.get(f"/agents/{agent['id']}", headers={"X-Request-ID": "read-1"})
    line = logs.one(request_id="read-1", event="request finished")
    assert (line["route"], line["path"], line["status"]) == ("/agents/{agent_id}", f"/agents/{agent['id']}", 200), line


async def test_a_missing_request_id_is_generated_echoed_and_logged(live: LiveApp, logs: LogLines):
    response = await live.client.get("/health/live")
    request_id = response.headers.get("X-Request-ID", "")
    assert GENERATED_ID.fullmatch(request_id), f"no X-Request-ID sent: expected a generated 32-hex id, got {request_id!r}"
    assert logs.one(event="request finished", path="/health/live")["request_id"] == request_id


async def test_two_requests_without_an_id_get_different_ones(live: LiveApp):
    first, second = [(await live.client.get("/health/live")).headers["X-Request-ID"] for _ in range(2)]
    assert first != second, f"both requests got request id {first!r}"


@pytest.mark.parametrize(
    "offered",
    [
        pytest.param("x" * 129, id="too long"),
        pytest.param("", id="empty"),
        pytest.param("has spaces in it", id="spaces"),
        pytest.param('{"json": "injection"}', id="quotes and braces"),
        pytest.param("<script>alert(1)</script>", id="markup"),
    ],
)
async def test_an_invalid_request_id_is_replaced_by_a_generated_one(live: LiveApp, logs: LogLines, offered: str):
    response = await live.client.get("/health/live", headers={"X-Request-ID": offered})
    echoed = response.headers.get("X-Request-ID", "")
    assert GENERATED_ID.fullmatch(echoed), f"sent X-Request-ID {offered!r}: expected it replaced by a new id, echoed {echoed!r}"
    assert logs.one(event="request finished", path="/health/live")["request_id"] == echoed
    if offered:
        assert offered not in str(logs.all()), f"the rejected id {offered!r} reached the logs: {logs.all()}"


async def test_concurrent_requests_keep_their_own_context(live: LiveApp, logs: LogLines):
    agent = await live.create_agent()
    ids = [f"concurrent-{n}" for n in range(8)]
    await asyncio.gather(*(live.client.get(f"/agents/{agent['id']}", headers={"X-Request-ID": i}) for i in ids))
    finished = {line["request_id"] for line in logs.where(event="request finished", route="/agents/{agent_id}")}
    assert finished == set(ids), f"8 concurrent requests with their own ids: 'request finished' lines carry {finished}"


async def test_the_user_id_is_bound_only_once_authentication_succeeded(live: LiveApp, logs: LogLines):
    owner = await live.create_user()
    headers = await live.auth_headers(owner)
    await live.client.get("/users/me", headers={**headers, "X-Request-ID": "signed-in"})
    await live.client.get("/users/me", headers={"Authorization": "Bearer forged", "X-Request-ID": "forged"})
    signed_in = logs.one(request_id="signed-in", event="request finished")
    forged = logs.one(request_id="forged", event="request finished")
    assert (signed_in.get("user_id"), signed_in["status"]) == (owner["id"], 200), signed_in
    assert ("user_id" not in forged, forged["status"]) == (True, 401), f"a refused token bound a user id: {forged}"


async def test_nothing_bound_for_a_request_outlives_it(live: LiveApp):
    structlog.contextvars.bind_contextvars(caller="notebook cell")
    try:
        owner = await live.create_user()
        await live.client.get("/users/me", headers=await live.auth_headers(owner))
        assert structlog.contextvars.get_contextvars() == {"caller": "notebook cell"}, (
            "after an in-process request (run in the caller's task) the caller's log context should be as "
            f"before; it is {structlog.contextvars.get_contextvars()}"
        )
    finally:
        structlog.contextvars.clear_contextvars()


async def test_the_log_context_binding_is_replaceable(logs: LogLines):
    seen: list[RequestContext] = []

    def bind_id_only(context: RequestContext) -> None:
        seen.append(context)
        structlog.contextvars.bind_contextvars(request_id=context.request_id)

    async with await LiveApp.start(log_context=bind_id_only) as live:
        await live.client.get("/health/live", headers={"X-Request-ID": "custom-binder"})
    line = logs.one(request_id="custom-binder", event="request finished")
    assert [context.request_id for context in seen] == ["custom-binder"], seen
    assert "route" not in line and "method" not in line, f"the app's own binder ran instead: {line}"


async def test_a_request_that_fails_is_logged_with_its_traceback_and_request_id(logs: LogLines):
    from fastapi import APIRouter

    router = APIRouter()

    @router.get("/boom")
    async def boom() -> None:
        raise RuntimeError("kaboom")

    async with await LiveApp.start(routers=[router]) as live:
        with pytest.raises(RuntimeError, match="kaboom"):  # ASGITransport re-raises the app's error
            await live.client.get("/boom", headers={"X-Request-ID": "failing"})
    failed = logs.one(request_id="failing", event="request failed")
    finished = logs.one(request_id="failing", event="request finished")
    assert (failed["level"], "RuntimeError: kaboom" in failed.get("exception", "")) == ("error", True), failed
    assert (finished["status"], finished["route"]) == (500, "/boom"), finished


# Why the middleware is pure ASGI: what BaseHTTPMiddleware does to contextvars, measured
# on the installed Starlette (the claim in request_context.py's docstring).

def app_whose_dependency_binds_a_user() -> FastAPI:
    app = FastAPI()

    async def signed_in() -> None:
        bind_user(7)

    @app.get("/me", dependencies=[Depends(signed_in)])
    async def me() -> dict[str, str]:
        return {}

    return app


async def context_after_the_app(app: FastAPI) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        assert (await client.get("/me")).status_code == 200


async def test_base_http_middleware_loses_what_the_app_bound_after_call_next():
    after_call_next: list[dict] = []

    class ContextAfterCallNext(BaseHTTPMiddleware):
        async def dispatch(self, request, call_next):
            structlog.contextvars.clear_contextvars()
            structlog.contextvars.bind_contextvars(request_id="r1")
            response = await call_next(request)
            after_call_next.append(structlog.contextvars.get_contextvars())
            structlog.contextvars.clear_contextvars()
            return response

    app = app_whose_dependency_binds_a_user()
    app.add_middleware(ContextAfterCallNext)
    await context_after_the_app(app)
    assert after_call_next == [{"request_id": "r1"}], (
        "BaseHTTPMiddleware runs call_next in a task of its own (a copy of the context): the user id a "
        f"dependency bound should be missing after call_next; the middleware saw {after_call_next}"
    )


async def test_the_pure_asgi_middleware_sees_what_the_app_bound(logs: LogLines):
    app = app_whose_dependency_binds_a_user()
    app.add_middleware(
        RequestContextMiddleware, metrics=HttpMetrics(), log_context=lambda context: None,
        route_labeller=label_by_route_template,
    )
    await context_after_the_app(app)
    assert logs.one(event="request finished").get("user_id") == 7, logs.all()


def test_log_lines_are_json_with_level_logger_and_utc_timestamp(logs: LogLines):
    get_logger("workbook.tests").info("hello", answer=42)
    line = logs.one(event="hello")
    assert (line["answer"], line["level"], line["logger"]) == (42, "info", "workbook.tests"), line
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z", line["timestamp"]), line["timestamp"]


async def test_a_websocket_connection_is_logged_with_its_request_id_and_route(live: LiveApp, logs: LogLines):
    user = await live.create_user()
    path = f"/ws/rooms/lobby?token={(await live.login(user))['access_token']}"
    async with live.websocket(path, headers={"X-Request-ID": "socket-1"}) as socket:
        await socket.send_json({"text": "hi"})
        await socket.receive_json()
    opened = logs.one(request_id="socket-1", event="websocket opened")
    assert (opened["route"], opened["method"]) == ("/ws/rooms/{room}", "WEBSOCKET"), opened
