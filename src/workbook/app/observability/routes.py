"""Which route a request went to, by template."""

from starlette.types import Scope

UNMATCHED_ROUTE = "<unmatched>"  # one name for every path no route matches (404s, scanners)


def route_template(scope: Scope) -> str:
    """The template of the route that handles (or handled) this request, e.g.
    ``/agents/{agent_id}``; ``UNMATCHED_ROUTE`` if routing found none (or has not run yet).

    The router puts the route it chose in ``scope["route"]``, in the scope dict the
    middleware holds too: read it while the app runs or once it has answered."""
    return getattr(scope.get("route"), "path", None) or UNMATCHED_ROUTE
