"""Alternative: the allowlist from settings, with any method and any header allowed.

Right because what a foreign page may read depends on the allowed origins only: with the
origins restricted to the configured front ends, "*" for methods and headers widens what
those front ends may send, not who may read the answers. (Starlette then echoes the
requested method and headers in the preflight.)
"""

from typing import Any

from workbook.app.config import Settings


def cors_options(settings: Settings) -> dict[str, Any]:
    return {
        "allow_origins": list(settings.cors_origins),
        "allow_credentials": True,
        "allow_methods": ["*"],
        "allow_headers": ["*"],
    }
