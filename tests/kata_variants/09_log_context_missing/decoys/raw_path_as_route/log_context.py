"""Decoy: bind the request id, the method, and the raw path as the route ("it is there
already; the template renders as <unmatched> on the first line anyway").

Wrong because route is the template, one value per route of the app, what the metrics and
traces name: /agents/17 and /agents/18 are one route. The raw path is the middleware's
"path" field already.
"""

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


def bind_request_context(context: RequestContext) -> None:
    structlog.contextvars.bind_contextvars(request_id=context.request_id, route=context.path, method=context.method)
    log.info("request started", path=context.path)
