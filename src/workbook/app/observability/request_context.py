"""The request-context middleware: request id, log context, metrics, in one pure-ASGI layer.

Written as plain ASGI, not with Starlette's BaseHTTPMiddleware. BaseHTTPMiddleware runs the
rest of the app (``call_next``) in a task of its own, with a *copy* of the context: a
contextvar set downstream (the user id bound once authentication succeeds, in a
dependency) is gone when the middleware's code after ``call_next`` runs, so its "request
finished" line would lose it. Measured on Starlette 1.10: a var set in a dependency reads
back as the middleware's own value after ``call_next``; a pure-ASGI middleware awaiting
``self.app(...)`` in the same task reads the dependency's value (tests/test_observability_logs.py
keeps both facts checked). Pure ASGI also sees WebSockets, which BaseHTTPMiddleware skips.
"""

import re
import time
import uuid

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from workbook.app.observability.logs import LogContextBinder, RequestContext, RouteOfRequest, get_logger
from workbook.app.observability.metrics import HttpMetrics, RouteLabeller

REQUEST_ID_HEADER = "X-Request-ID"
# A caller's request id is kept only if it is short and plain: it is copied into every log
# line and echoed in a header, so no newlines, quotes or megabytes from outside.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")

log = get_logger("workbook.app.requests")


def new_request_id() -> str:
    return uuid.uuid4().hex


def accepted_request_id(offered: str | None) -> str:
    """The caller's X-Request-ID if it is valid, else a new one."""
    if offered is not None and VALID_REQUEST_ID.fullmatch(offered):
        return offered
    return new_request_id()


class RequestContextMiddleware:
    """Per request (HTTP or WebSocket): take or make the request id and echo it in
    ``X-Request-ID``; bind the log context (``log_context``) for as long as the request
    runs; count and time the request under the ``route_labeller``'s label; keep the open
    WebSocket gauge; log one "request finished" line."""

    def __init__(
        self, app: ASGIApp, *, metrics: HttpMetrics, log_context: LogContextBinder, route_labeller: RouteLabeller
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.log_context = log_context
        self.route_labeller = route_labeller

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = accepted_request_id(Headers(scope=scope).get(REQUEST_ID_HEADER))
        context = RequestContext(
            request_id=request_id,
            method=scope.get("method", "WEBSOCKET"),
            path=scope["path"],
            route=RouteOfRequest(scope),
        )
        # In-process clients (httpx's ASGITransport, a notebook) run the app in the
        # caller's own task: put the caller's context back afterwards, so nothing bound for
        # this request outlives it.
        outer = structlog.contextvars.get_contextvars()
        structlog.contextvars.clear_contextvars()
        try:
            self.log_context(context)
            if scope["type"] == "http":
                await self._http(scope, receive, send, context)
            else:
                await self._websocket(scope, receive, send, context)
        finally:
            structlog.contextvars.clear_contextvars()
            structlog.contextvars.bind_contextvars(**outer)

    async def _http(self, scope: Scope, receive: Receive, send: Send, context: RequestContext) -> None:
        status = 500  # what the client gets if the app raises before answering
        started = time.perf_counter()

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = context.request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        except Exception:
            log.exception("request failed", path=context.path)
            raise
        finally:
            seconds = time.perf_counter() - started
            self.metrics.observe_request(
                route=self.route_labeller(scope), method=context.method, status=status, seconds=seconds
            )
            # Logged after the app ran, in the same task: the user id a dependency bound is here.
            log.info("request finished", path=context.path, status=status, duration_ms=round(seconds * 1000, 3))

    async def _websocket(self, scope: Scope, receive: Receive, send: Send, context: RequestContext) -> None:
        gauge = None

        async def send_with_request_id(message: Message) -> None:
            nonlocal gauge
            if message["type"] == "websocket.accept":
                headers = MutableHeaders(raw=list(message.get("headers", [])))
                headers[REQUEST_ID_HEADER] = context.request_id
                message = {**message, "headers": headers.raw}
                # Counted once the handshake is accepted (a refused one never was open),
                # and before the client hears of it: whoever sees the socket open sees it counted.
                gauge = self.metrics.websockets.labels(route=self.route_labeller(scope))
                gauge.inc()
                log.info("websocket opened")
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            # The endpoint returns once the connection is over (closed by either side).
            if gauge is not None:
                gauge.dec()
                log.info("websocket closed")
