"""Decoy: the configured origins plus "null" ("so pages opened from a file work in
development").

Wrong because "null" is not one place: browsers send Origin: null from sandboxed iframes,
file:// pages and some redirects, and any site can put its page in a sandboxed iframe.
Allowing "null" with credentials lets every such page read the user's answers.
"""

from typing import Any

from workbook.app.config import Settings


def cors_options(settings: Settings) -> dict[str, Any]:
    return {
        "allow_origins": [*settings.cors_origins, "null"],
        "allow_credentials": True,
        "allow_methods": ["GET", "POST", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type"],
        "expose_headers": ["Retry-After"],
        "max_age": 600,
    }
