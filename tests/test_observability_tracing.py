"""OpenTelemetry traces: a span per request named by its route template, a child span per
SQL statement, a tracer provider per app, OTLP export when configured."""

import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import SpanKind, StatusCode

from workbook.testing.monitoring import captured_logs
from workbook.app.config import Settings
from workbook.live import LiveApp


def by_id(spans: tuple[ReadableSpan, ...]) -> dict[int, ReadableSpan]:
    return {span.context.span_id: span for span in spans}


def ancestors(span: ReadableSpan, spans: dict[int, ReadableSpan]) -> list[ReadableSpan]:
    chain = []
    while span.parent is not None and span.parent.span_id in spans:
        span = spans[span.parent.span_id]
        chain.append(span)
    return chain


def the_span(spans: tuple[ReadableSpan, ...], name: str) -> ReadableSpan:
    found = [span for span in spans if span.name == name]
    assert len(found) == 1, f"expected one span named {name!r}; spans: {[span.name for span in spans]}"
    return found[0]


async def test_a_request_is_a_server_span_named_by_its_route_template(live: LiveApp):
    agent = await live.create_agent()
    spans = live.app.state.tracing.record_spans()
    response = await live.client.get(f"/agents/{agent['id']}")
    request = the_span(spans.get_finished_spans(), "GET /agents/{agent_id}")
    attributes = {key: request.attributes.get(key) for key in ("http.route", "url.path", "http.response.status_code")}
    assert request.kind == SpanKind.SERVER, request.kind
    assert attributes == {
        "http.route": "/agents/{agent_id}", "url.path": f"/agents/{agent['id']}", "http.response.status_code": 200,
    }, attributes
    assert request.parent is None, "a request without traceparent starts its own trace"
    assert response.status_code == 200


@pytest.mark.database
async def test_the_sql_statements_of_a_request_are_its_child_spans(live: LiveApp):
    agent = await live.create_agent()
    spans = live.app.state.tracing.record_spans()
    await live.client.get(f"/agents/{agent['id']}")
    finished = spans.get_finished_spans()
    request = the_span(finished, "GET /agents/{agent_id}")
    statements = [span for span in finished if span.attributes.get("db.system") in ("sqlite", "postgresql")]
    assert statements, f"no database span; spans: {[span.name for span in finished]}"
    for statement in statements:
        chain = ancestors(statement, by_id(finished))
        assert request in chain, (
            f"the statement span {statement.name!r} should descend from the request's span; its ancestors: "
            f"{[span.name for span in chain]}"
        )
        assert statement.kind == SpanKind.CLIENT and statement.context.trace_id == request.context.trace_id
    select = next(span for span in statements if span.attributes["db.operation"] == "SELECT")
    text = select.attributes["db.statement"]
    assert re.search(r"WHERE agents\.id = (\?|\$1)", text), (
        f"the span records the statement with its placeholder (? or $1), not the agent id: {text!r}"
    )


@pytest.mark.database
async def test_a_failing_statement_is_an_error_span(live: LiveApp):
    from sqlalchemy import text

    spans = live.app.state.tracing.record_spans()
    async with live.session() as session:
        with pytest.raises(Exception, match="no such table|does not exist"):
            await session.execute(text("SELECT * FROM no_such_table"))
    failed = [span for span in spans.get_finished_spans() if span.attributes.get("db.operation") == "SELECT"]
    assert [span.status.status_code for span in failed] == [StatusCode.ERROR], [
        (span.name, span.status) for span in failed
    ]


async def test_log_lines_of_a_traced_request_carry_its_trace_id(live: LiveApp):
    spans = live.app.state.tracing.record_spans()
    with captured_logs() as logs:
        await live.client.get("/health/live", headers={"X-Request-ID": "traced"})
    request = the_span(spans.get_finished_spans(), "GET /health/live")
    line = logs.one(request_id="traced", event="request finished")
    assert line.get("trace_id") == format(request.context.trace_id, "032x"), (line, request.context)


async def test_two_app_instances_trace_separately():
    async with await LiveApp.start() as first, await LiveApp.start() as second:
        first_spans = first.app.state.tracing.record_spans()
        second_spans = second.app.state.tracing.record_spans()
        await first.client.get("/health/live")
        await second.client.get("/health/ready")
    names = [sorted({span.name for span in spans.get_finished_spans() if span.kind == SpanKind.SERVER})
             for spans in (first_spans, second_spans)]
    assert names == [["GET /health/live"], ["GET /health/ready"]], f"server spans recorded by each app: {names}"


async def test_nothing_is_recorded_until_an_exporter_is_attached(live: LiveApp):
    tracing = live.app.state.tracing
    await live.client.get("/health/live")
    assert not tracing.recording
    spans = tracing.record_spans()
    await live.client.get("/health/ready")
    names = {span.name for span in spans.get_finished_spans() if span.kind == SpanKind.SERVER}
    assert (tracing.recording, names) == (True, {"GET /health/ready"}), names


async def test_the_statement_hooks_are_installed_only_once_spans_are_recorded(live: LiveApp):
    """An engine listener changes how a MissingGreenlet ends (an un-awaited coroutine's
    RuntimeWarning on stderr): an untraced app has none."""
    def hooks() -> int:
        return len(live.engine.sync_engine.dispatch.before_cursor_execute)

    before = hooks()
    live.app.state.tracing.record_spans()
    live.app.state.tracing.record_spans()  # a second recorder adds no second set of hooks
    assert (before, hooks()) == (0, 1), f"before_cursor_execute listeners: {before} untraced, {hooks()} traced"


def test_building_an_app_imports_neither_the_sdk_nor_the_otlp_exporter():
    probe = (
        "import json, sys\n"
        "from workbook.app.main import create_app\n"
        "create_app()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('opentelemetry.sdk', 'opentelemetry.exporter')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [], f"importing and building the app loaded {done.stdout}"


class Collector(BaseHTTPRequestHandler):
    """Stands in for an OpenTelemetry collector's OTLP/HTTP receiver: keeps what it is sent."""

    received: list[tuple[str, str, bytes]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, self.headers["Content-Type"], body))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass  # nothing on stderr


@pytest.fixture
def collector() -> Iterator[tuple[str, list[tuple[str, str, bytes]]]]:
    received: list[tuple[str, str, bytes]] = []
    handler = type("OneTestCollector", (Collector,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1/traces", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


async def test_spans_go_over_otlp_when_an_endpoint_is_configured(collector):
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

    endpoint, received = collector
    async with await LiveApp.start(Settings(otlp_endpoint=endpoint, service_name="workbook-test")) as live:
        await live.client.get("/health/live")
        live.app.state.tracing.flush()
    assert received, f"nothing was posted to {endpoint}"
    paths = {(path, content_type) for path, content_type, _ in received}
    assert paths == {("/v1/traces", "application/x-protobuf")}, paths
    exported = ExportTraceServiceRequest()
    for _, _, body in received:
        exported.MergeFromString(body)
    names = {span.name for resource in exported.resource_spans for scope in resource.scope_spans for span in scope.spans}
    services = {
        attribute.value.string_value
        for resource in exported.resource_spans
        for attribute in resource.resource.attributes
        if attribute.key == "service.name"
    }
    assert "GET /health/live" in names and services == {"workbook-test"}, (names, services)
