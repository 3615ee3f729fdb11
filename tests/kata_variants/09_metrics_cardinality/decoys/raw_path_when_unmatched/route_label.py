"""Decoy: the route template when a route matched, the raw path when none did ("so the
404s show what was asked for").

Right for every route of the app. Wrong because unmatched paths are exactly the ones
nobody controls: every URL a scanner tries becomes a series. What was asked for belongs in
the log line, not in a label.
"""

from starlette.types import Scope


def route_label(scope: Scope) -> str:
    route = scope.get("route")
    return route.path if route is not None else scope["path"]
