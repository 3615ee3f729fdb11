"""Decoy: bind the request's context inside a copy of the current context ("a context of
its own for each request, so they cannot mix").

Wrong because the request does not run in that copy: the middleware goes on in the context
it called the binding from, and the values bound in the copy are gone with it. The same
trap as BaseHTTPMiddleware, whose downstream runs in a copy: what is bound in a copy after
it was made is never seen outside it. The middleware already runs each request in its own
context.
"""

import contextvars

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


def bind_request_context(context: RequestContext) -> None:
    contextvars.copy_context().run(
        structlog.contextvars.bind_contextvars,
        request_id=context.request_id,
        route=context.route,
        method=context.method,
    )
    log.info("request started", request_id=context.request_id, path=context.path)
