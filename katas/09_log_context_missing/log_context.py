"""The log-context binding: what every log line of a request carries about it.

The request-context middleware calls ``bind_request_context(context)`` as each request (or
WebSocket) begins, in the context the request then runs in, with what it knows: the request
id (the caller's ``X-Request-ID`` if valid, else a new one; echoed in the response either
way), the method, the raw path, and the route (a reference that renders as the route's
template once routing has run). The app's loggers merge structlog's contextvars into every
line: whatever is bound here appears on every line logged while the request runs, from the
routes, the dependencies, the services alike. The middleware clears it all afterwards.
"""

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


def bind_request_context(context: RequestContext) -> None:
    """Give the request's log lines its route template and method, and say it started."""
    structlog.contextvars.bind_contextvars(route=context.route, method=context.method)
    log.info("request started", request_id=context.request_id, path=context.path)
