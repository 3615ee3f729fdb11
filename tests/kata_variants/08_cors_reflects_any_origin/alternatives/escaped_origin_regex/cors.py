"""Alternative: the configured origins as one allow_origin_regex, each origin escaped.

Right because re.escape makes every origin match only itself (Starlette fullmatches the
pattern against the Origin header), so it allows exactly the allowlist in settings; a
regex is the form to extend when some origins must be patterns (preview deployments).
"""

import re
from typing import Any

from workbook.app.config import Settings


def cors_options(settings: Settings) -> dict[str, Any]:
    return {
        "allow_origin_regex": "|".join(re.escape(origin) for origin in settings.cors_origins) or None,
        "allow_credentials": True,
        "allow_methods": ["GET", "POST", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type"],
        "expose_headers": ["Retry-After"],
        "max_age": 600,
    }
