"""Which ``route`` label the app's request metrics count a request under.

The request-context middleware calls ``route_label(scope)`` once the app has answered
(routing has run by then: FastAPI put the route it chose in ``scope["route"]``, or none if
nothing matched), and counts the request in ``http_requests_total{route, method, status}``
and ``http_request_duration_seconds{route, method}``.
"""

from starlette.types import Scope


def route_label(scope: Scope) -> str:
    """The label for this request: where it went."""
    return scope["path"]
