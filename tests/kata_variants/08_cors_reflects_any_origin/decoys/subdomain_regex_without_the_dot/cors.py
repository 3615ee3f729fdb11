"""Decoy: every subdomain of example.com by regex, https://.*example\\.com ("all our front
ends live there, and new ones need no settings change").

Wrong because the pattern lacks the dot before example.com: https://app-example.com (or
https://evilexample.com), a domain anyone can register, matches and is answered as a front
end, credentials allowed. Even with the dot, every subdomain would be trusted, including
ones the app does not control, and the allowlist in settings is never used.
"""

from typing import Any

from workbook.app.config import Settings


def cors_options(settings: Settings) -> dict[str, Any]:
    return {
        "allow_origin_regex": r"https://.*example\.com",
        "allow_credentials": True,
        "allow_methods": ["GET", "POST", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type"],
        "expose_headers": ["Retry-After"],
        "max_age": 600,
    }
