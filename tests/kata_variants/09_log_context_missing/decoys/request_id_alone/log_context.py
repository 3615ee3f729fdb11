"""Decoy: bind the request id, and nothing else.

Every line carries the id. Wrong because bind_contextvars was the only place the route
template and method were bound: the lines lose them, and "which route logs this error"
is a question the logs no longer answer.
"""

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


def bind_request_context(context: RequestContext) -> None:
    structlog.contextvars.bind_contextvars(request_id=context.request_id)
    log.info("request started", path=context.path)
