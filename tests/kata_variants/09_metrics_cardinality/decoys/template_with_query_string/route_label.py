"""Decoy: the route template, with the query string appended ("the filters matter").

Wrong because a query string holds values as varied as any id: /agents?owner_id=1 ...
?owner_id=10 are ten series of one route.
"""

from starlette.types import Scope


def route_label(scope: Scope) -> str:
    route = scope.get("route")
    label = route.path if route is not None else "<unmatched>"
    query = scope.get("query_string", b"").decode("latin-1")
    return f"{label}?{query}" if query else label
