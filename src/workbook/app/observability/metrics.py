"""Prometheus metrics of one app instance, and the route labeller.

Every app gets a CollectorRegistry of its own (never prometheus_client's global REGISTRY):
two apps in one process, as in a notebook or the tests, then neither collide (a second
``Counter("http_requests", ...)`` on one registry raises "Duplicated timeseries") nor
share counts.
"""

from collections.abc import Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import Scope

from workbook.app.observability.routes import route_template

# The metrics route labeller: which ``route`` label a request is counted under, read from
# its scope once the app has answered. create_app(route_labeller=...) replaces it (a
# chapter-09 kata does). A label must come from a small, fixed set: every distinct value
# is a new time series held in memory for the life of the process.
RouteLabeller = Callable[[Scope], str]


def label_by_route_template(scope: Scope) -> str:
    """The reference labeller: the route template, so /agents/1 ... /agents/50 are one
    label set, ``/agents/{agent_id}``."""
    return route_template(scope)


class HttpMetrics:
    """The app's metrics, on its own registry (``generate_latest(metrics.registry)``)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "http_requests",  # exposed as http_requests_total
            "HTTP requests answered, by route template, method and status code.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by route template and method.",
            ["route", "method"],
            registry=self.registry,
        )
        self.websockets = Gauge(
            "websocket_connections_open",
            "WebSocket connections open right now (accepted, not yet closed), by route template.",
            ["route"],
            registry=self.registry,
        )

    def observe_request(self, *, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route=route, method=method, status=str(status)).inc()
        self.latency.labels(route=route, method=method).observe(seconds)
