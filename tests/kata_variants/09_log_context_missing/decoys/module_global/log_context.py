"""Decoy: keep the request id in a module-level global, and bind a value that reads it
when each line is rendered (as the app's RouteOfRequest reads its scope).

Right for one request at a time. Wrong because every request in flight shares the one
global: the request that started last overwrites it, and the lines of the request before
it carry the wrong id from then on. A contextvar is per request; a global is per process.
"""

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


_current_request_id = "-"


class CurrentRequestId:
    def __str__(self) -> str:
        return _current_request_id

    __structlog__ = __str__


def bind_request_context(context: RequestContext) -> None:
    global _current_request_id
    _current_request_id = context.request_id
    structlog.contextvars.bind_contextvars(request_id=CurrentRequestId(), route=context.route, method=context.method)
    log.info("request started", path=context.path)
