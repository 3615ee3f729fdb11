"""Prometheus metrics at /metrics: requests by route template, method and status; a latency
histogram; open WebSockets; one registry per app instance."""

import asyncio
import time

import pytest
from httpx_ws import WebSocketDisconnect
from prometheus_client import CONTENT_TYPE_LATEST

from workbook.testing.monitoring import label_sets, labels, metric_samples
from workbook.live import LiveApp

REQUESTS = "http_requests_total"
ROOM_ROUTE = "/ws/rooms/{room}"


async def test_metrics_are_served_in_the_prometheus_text_format(live: LiveApp):
    response = await live.client.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == CONTENT_TYPE_LATEST, response.headers["content-type"]
    for family in ("http_requests_total", "http_request_duration_seconds", "websocket_connections_open"):
        assert f"# TYPE {family}" in response.text or f"# TYPE {family.removesuffix('_total')}" in response.text, (
            f"/metrics does not declare {family}:\n{response.text}"
        )


async def test_requests_are_counted_by_route_template_method_and_status(live: LiveApp):
    agent = await live.create_agent()
    for _ in range(3):
        assert (await live.client.get(f"/agents/{agent['id']}")).status_code == 200
    assert (await live.client.get(f"/agents/{agent['id'] + 1000}")).status_code == 404
    samples = await metric_samples(live)
    counted = {
        status: samples.get((REQUESTS, labels(route="/agents/{agent_id}", method="GET", status=status)))
        for status in ("200", "404")
    }
    assert counted == {"200": 3.0, "404": 1.0}, (
        f"3 GETs answered 200 and 1 answered 404 on /agents/{{agent_id}}: counted {counted}; "
        f"label sets: {label_sets(samples, REQUESTS)}"
    )
    created = samples.get((REQUESTS, labels(route="/agents", method="POST", status="201")))
    assert created == 1.0, f"POST /agents (201) counted {created}"


async def test_fifty_agent_ids_make_one_label_set(live: LiveApp):
    for agent_id in range(1, 51):
        await live.client.get(f"/agents/{agent_id}")
    samples = await metric_samples(live)
    agent_reads = [pairs for pairs in label_sets(samples, REQUESTS) if pairs["method"] == "GET" and "agent" in pairs["route"]]
    assert agent_reads == [{"route": "/agents/{agent_id}", "method": "GET", "status": "404"}], (
        f"GET /agents/1 ... /agents/50: expected one label set, by route template; got {len(agent_reads)}: "
        f"{agent_reads[:5]}{' ...' if len(agent_reads) > 5 else ''}"
    )
    assert samples[(REQUESTS, labels(route="/agents/{agent_id}", method="GET", status="404"))] == 50.0


async def test_a_raw_path_labeller_makes_a_label_set_per_agent_id():
    """The route labeller is a seam: plugged in, a raw-path labeller shows what it costs."""
    async with await LiveApp.start(route_labeller=lambda scope: scope["path"]) as live:
        for agent_id in range(1, 51):
            await live.client.get(f"/agents/{agent_id}")
        routes = {pairs["route"] for pairs in label_sets(await metric_samples(live), REQUESTS)}
    assert {f"/agents/{n}" for n in range(1, 51)} <= routes, f"raw-path labeller: routes labelled {sorted(routes)[:5]}..."


async def test_paths_no_route_matches_share_one_label(live: LiveApp):
    for path in ("/wp-admin", "/.env", "/no/such/thing"):
        assert (await live.client.get(path)).status_code == 404
    samples = await metric_samples(live)
    unmatched = samples.get((REQUESTS, labels(route="<unmatched>", method="GET", status="404")))
    assert unmatched == 3.0, f"3 unmatched paths: counted {unmatched}; label sets {label_sets(samples, REQUESTS)}"


async def test_latency_is_observed_in_a_histogram(live: LiveApp):
    for _ in range(4):
        await live.client.get("/health/live")
    samples = await metric_samples(live)
    route = labels(route="/health/live", method="GET")
    count = samples.get(("http_request_duration_seconds_count", route))
    total = samples.get(("http_request_duration_seconds_sum", route))
    buckets = sorted(
        (float(dict(pairs)["le"]), value)
        for (name, pairs), value in samples.items()
        if name == "http_request_duration_seconds_bucket" and dict(pairs)["route"] == "/health/live"
    )
    assert count == 4.0 and total is not None and total > 0, f"4 requests: histogram count {count}, sum {total}"
    assert buckets[-1] == (float("inf"), 4.0), f"the +Inf bucket holds every observation: {buckets}"
    counts = [value for _, value in buckets]
    assert counts == sorted(counts), f"buckets are cumulative: {buckets}"


async def test_two_app_instances_count_separately():
    async with await LiveApp.start() as first, await LiveApp.start() as second:
        for _ in range(3):
            await first.client.get("/health/live")
        await second.client.get("/health/live")
        counts = [
            (await metric_samples(live)).get((REQUESTS, labels(route="/health/live", method="GET", status="200")))
            for live in (first, second)
        ]
    assert counts == [3.0, 1.0], f"3 requests to the first app, 1 to the second: they counted {counts}"


async def open_websockets(live: LiveApp) -> float:
    return (await metric_samples(live)).get(("websocket_connections_open", labels(route=ROOM_ROUTE)), 0.0)


async def settled_websockets(live: LiveApp, expected: float, within_s: float = 2.0) -> float:
    """The gauge once the server side has caught up with a close (it notices on its next
    receive): polled until it reads ``expected`` or ``within_s`` passes."""
    deadline = time.monotonic() + within_s
    value = await open_websockets(live)
    while value != expected and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
        value = await open_websockets(live)
    return value


async def test_the_websocket_gauge_counts_open_connections(live: LiveApp):
    user = await live.create_user()
    path = f"/ws/rooms/lobby?token={(await live.login(user))['access_token']}"
    seen = [await open_websockets(live)]
    async with live.websocket(path):
        seen.append(await open_websockets(live))
        async with live.websocket(path):
            seen.append(await open_websockets(live))
        seen.append(await settled_websockets(live, 1.0))
    seen.append(await settled_websockets(live, 0.0))
    assert seen == [0.0, 1.0, 2.0, 1.0, 0.0], f"open one, open two, close one, close both: the gauge read {seen}"


async def test_a_refused_handshake_is_never_counted_as_open(live: LiveApp):
    with pytest.raises(ExceptionGroup) as refused:
        async with live.websocket("/ws/rooms/lobby?token=forged"):
            pass
    assert refused.group_contains(WebSocketDisconnect), refused.value
    assert await open_websockets(live) == 0.0


async def test_metrics_stay_out_of_the_api_document(live: LiveApp):
    assert "/metrics" not in live.app.openapi()["paths"], "the scrape endpoint is documented as part of the API"
