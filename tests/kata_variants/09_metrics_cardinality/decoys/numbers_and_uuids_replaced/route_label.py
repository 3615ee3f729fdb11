"""Decoy: each path segment that is a number or a UUID replaced by "{id}".

A more careful guess. Wrong because it is still a guess about ids: a room named "lobby" or
"ops-eu" is an id the regex cannot tell from a fixed path segment, and every one is a series.
"""

import re

from starlette.types import Scope

ID_SEGMENT = re.compile(r"^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$", re.IGNORECASE)


def route_label(scope: Scope) -> str:
    segments = scope["path"].split("/")
    return "/".join("{id}" if ID_SEGMENT.match(segment) else segment for segment in segments)
