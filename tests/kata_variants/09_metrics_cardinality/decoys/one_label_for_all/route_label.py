"""Decoy: one constant label for every request.

The series count cannot grow any more. Wrong because the metrics lose what they are for:
which route is slow, which one fails. /health/live and /agents/{agent_id} are summed together.
"""

from starlette.types import Scope


def route_label(scope: Scope) -> str:
    return "all"
