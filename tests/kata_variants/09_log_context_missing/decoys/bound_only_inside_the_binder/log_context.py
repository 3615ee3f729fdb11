"""Decoy: bind the request id with structlog's bound_contextvars, in a with block.

The "request started" line, inside the block, carries it. Wrong because the block ends
when the binding returns, before the request has run: bound_contextvars puts the previous
values back on exit, and every later line of the request goes out without the id.
"""

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


def bind_request_context(context: RequestContext) -> None:
    structlog.contextvars.bind_contextvars(route=context.route, method=context.method)
    with structlog.contextvars.bound_contextvars(request_id=context.request_id):
        log.info("request started", path=context.path)
