"""Decoy: bind a fresh uuid4 as the request id.

Every line of a request now shares an id. Wrong because it is not the request's id: not
the X-Request-ID the caller sent (the one a gateway, or the service calling this one, will
search for), nor the one the response echoes to the client.
"""

import uuid

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


def bind_request_context(context: RequestContext) -> None:
    structlog.contextvars.bind_contextvars(request_id=uuid.uuid4().hex, route=context.route, method=context.method)
    log.info("request started", path=context.path)
