"""Decoy: keep "*" for the origins, drop the credentials ("a star without cookies is safe").

Wrong because the app's own front ends call it signed in: without
Access-Control-Allow-Credentials their pages can no longer read answers to credentialed
requests. And "*" still tells every page of every site it may read the public answers:
the allowlist in settings is never used.
"""

from typing import Any

from workbook.app.config import Settings


def cors_options(settings: Settings) -> dict[str, Any]:
    return {
        "allow_origins": ["*"],
        "allow_credentials": False,
        "allow_methods": ["GET", "POST", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type"],
        "expose_headers": ["Retry-After"],
        "max_age": 600,
    }
