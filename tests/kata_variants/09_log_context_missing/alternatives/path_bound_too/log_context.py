"""Alternative: bind the raw path too, beside the id, route template and method.

Right because every line of the request carries its id; the path is one more field (the
"request finished" line passes its own, which wins over the bound one).
"""

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


def bind_request_context(context: RequestContext) -> None:
    structlog.contextvars.bind_contextvars(
        request_id=context.request_id, route=context.route, method=context.method, path=context.path
    )
    log.info("request started")
