"""JSON logs through structlog, with the request's context merged into every line.

Every module logs through ``get_logger(__name__)``: structlog renders the event as one JSON
object, handed to the standard ``logging`` logger of that name (under ``workbook``), so where
lines go is ordinary logging configuration. The app itself configures nothing global:
``send_json_logs_to`` attaches a handler (``workbook serve`` does, to stdout; tests do, to a
buffer). Without one, nothing is printed (a NullHandler keeps Python's last-resort handler
from writing warnings to stderr in notebooks).

The request context (request id, route template, method, then user id) lives in
structlog's contextvars: ``merge_contextvars`` adds it to every line logged while the
request runs, from the route, the dependencies, the services, the database hooks alike.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

import structlog
from opentelemetry import trace
from starlette.types import Scope

from workbook.app.observability.routes import route_template

ROOT_LOGGER = "workbook"
logging.getLogger(ROOT_LOGGER).addHandler(logging.NullHandler())


def add_trace_ids(logger: Any, method_name: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    """Put the current span's trace and span ids on the line, so a log line leads to its trace."""
    span_context = trace.get_current_span().get_span_context()
    if span_context.is_valid:
        event_dict.setdefault("trace_id", format(span_context.trace_id, "032x"))
        event_dict.setdefault("span_id", format(span_context.span_id, "016x"))
    return event_dict


PROCESSORS: list[Callable[..., Any]] = [
    structlog.stdlib.filter_by_level,  # first: a disabled level costs no rendering
    structlog.contextvars.merge_contextvars,
    add_trace_ids,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
    structlog.processors.format_exc_info,
    structlog.processors.JSONRenderer(),
]


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    """A structlog logger writing JSON lines to the logging logger ``name``. Uses no global
    structlog configuration, so it cannot clash with a notebook's or another library's."""
    return structlog.wrap_logger(
        logging.getLogger(name),
        processors=PROCESSORS,
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


class JsonLineFormatter(logging.Formatter):
    """The message alone: structlog has rendered the whole line, traceback included. (A
    plain Formatter would append the traceback again, as text after the JSON, whenever
    the stdlib call carries exc_info, as ``log.exception(...)`` does.)"""

    def format(self, record: logging.LogRecord) -> str:
        return record.getMessage()


def send_json_logs_to(stream: IO[str], level: int | str = logging.INFO) -> logging.Handler:
    """Write the app's log lines (already JSON) to ``stream``, one per line, from ``level``
    up. Returns the handler; ``logging.getLogger("workbook").removeHandler(handler)`` undoes it."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLineFormatter())
    logger = logging.getLogger(ROOT_LOGGER)
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler


class RouteOfRequest:
    """A request's route template, read when a log line is rendered.

    The middleware runs before routing: FastAPI picks the route inside the app, and puts
    it in the scope then. So the middleware binds this reference to the scope, and each
    line renders the template of the route chosen by the time it is logged
    (``/agents/{agent_id}``, never the raw path; ``<unmatched>`` before routing or when
    nothing matched)."""

    def __init__(self, scope: Scope) -> None:
        self._scope = scope

    def __str__(self) -> str:
        return route_template(self._scope)

    __repr__ = __structlog__ = __str__  # __structlog__: what JSONRenderer writes


@dataclass(frozen=True)
class RequestContext:
    """What the middleware knows of a request before the app handles it."""

    request_id: str
    method: str  # "GET", ..., or "WEBSOCKET"
    path: str  # the raw path
    route: RouteOfRequest  # str(route) is the route template, once routing has run


# The log-context binding: given the request's context, make every log line of the
# request carry it. create_app(log_context=...) replaces it (a chapter-09 kata does).
LogContextBinder = Callable[[RequestContext], None]


def bind_request_context(context: RequestContext) -> None:
    """Bind the request's id, route template and method in structlog's contextvars: every
    line logged while the request runs, in any module, then carries them."""
    structlog.contextvars.bind_contextvars(
        request_id=context.request_id, route=context.route, method=context.method
    )


def bind_user(user_id: int) -> None:
    """Add the signed-in user's id to the request's log context (once authentication
    succeeded: lines before it have no user_id)."""
    structlog.contextvars.bind_contextvars(user_id=user_id)
