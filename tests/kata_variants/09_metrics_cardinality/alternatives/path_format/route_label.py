"""Alternative: the route's path_format, and another fixed name for unmatched paths.

Right because path_format is the template with any converter removed ("/agents/{agent_id}" for
"/agents/{agent_id:int}"), one value per route; "other" is as fixed as "<unmatched>".
"""

from starlette.types import Scope


def route_label(scope: Scope) -> str:
    route = scope.get("route")
    return getattr(route, "path_format", None) or "other"
