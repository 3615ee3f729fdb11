"""Decoy: the configured origins joined into one allow_origin_regex ("so a pattern can be
added later").

Wrong because the origins are used as regular expressions unescaped: each "." matches any
character, so https://app-example.com, a domain anyone can register, matches
https://app.example.com and is answered as a front end, credentials allowed.
"""

from typing import Any

from workbook.app.config import Settings


def cors_options(settings: Settings) -> dict[str, Any]:
    return {
        "allow_origin_regex": "|".join(settings.cors_origins) or None,
        "allow_credentials": True,
        "allow_methods": ["GET", "POST", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type"],
        "expose_headers": ["Retry-After"],
        "max_age": 600,
    }
