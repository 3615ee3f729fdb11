"""Decoy: the raw path with every run of digits replaced by "{id}".

Fixes /agents/1 ... /agents/50. Wrong because ids are not only numbers: room names, slugs,
UUIDs (with letters) still make one series each, and the regex guesses what the routes
already say.
"""

import re

from starlette.types import Scope


def route_label(scope: Scope) -> str:
    return re.sub(r"\d+", "{id}", scope["path"])
