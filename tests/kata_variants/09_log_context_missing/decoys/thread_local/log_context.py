"""Decoy: keep the request id in a threading.local, read when each line is rendered ("one
value per request, as in a threaded server").

Wrong because an async app is not a threaded server: one thread runs every request of the
event loop, so the thread-local is one value shared by all requests in flight, and the one
that started last overwrites it.
"""

import threading

import structlog

from workbook.app.observability.logs import RequestContext, get_logger

log = get_logger("workbook.app.requests")


_local = threading.local()


class CurrentRequestId:
    def __str__(self) -> str:
        return getattr(_local, "request_id", "-")

    __structlog__ = __str__


def bind_request_context(context: RequestContext) -> None:
    _local.request_id = context.request_id
    structlog.contextvars.bind_contextvars(request_id=CurrentRequestId(), route=context.route, method=context.method)
    log.info("request started", path=context.path)
