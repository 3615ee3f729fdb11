"""Which ``route`` label the app's request metrics count a request under.

The request-context middleware calls ``route_label(scope)`` once the app has answered
(routing has run by then: FastAPI put the route it chose in ``scope["route"]``, or none if
nothing matched), and counts the request in ``http_requests_total{route, method, status}``
and ``http_request_duration_seconds{route, method}``.
"""

from starlette.types import Scope

# One label for every path no route matches: scanners and typos add no series.
UNMATCHED = "<unmatched>"


def route_label(scope: Scope) -> str:
    """The label for this request: the template of the route it went to
    ("/agents/{agent_id}"), one of the app's few, whatever id the path held."""
    route = scope.get("route")
    return route.path if route is not None else UNMATCHED
