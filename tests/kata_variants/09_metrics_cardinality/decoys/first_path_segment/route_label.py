"""Decoy: the first segment of the path ("/agents" for /agents/17).

Bounded, mostly. Wrong because routes that share a prefix become one: the agent list and
the agent lookup (different queries, different costs) are summed together, and the label
is not the route any dashboard or trace names.
"""

from starlette.types import Scope


def route_label(scope: Scope) -> str:
    return "/" + scope["path"].strip("/").split("/", 1)[0]
