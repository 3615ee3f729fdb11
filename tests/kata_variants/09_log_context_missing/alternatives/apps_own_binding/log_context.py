"""Alternative: hand the context to the app's own binding (workbook.app.observability.logs).

Right because it binds the request id, route and method in structlog's contextvars; there is just
no "request started" line.
"""

from workbook.app.observability.logs import RequestContext, bind_request_context as bind_apps_way


def bind_request_context(context: RequestContext) -> None:
    bind_apps_way(context)
