"""Your component: which other sites' pages may call the API from a browser.

The app passes this function to Starlette's CORSMiddleware: it gets the settings and
returns the middleware's keyword arguments. The API's own front ends live on the
origins listed in ``settings.cors_origins``; their pages call the API with the user's
credentials (cookies, Authorization), so they need Access-Control-Allow-Origin naming
them and Access-Control-Allow-Credentials: true. No other site's page may read answers.
"""

from typing import Any

from workbook.app.config import Settings


def cors_options(settings: Settings) -> dict[str, Any]:
    """CORSMiddleware's arguments for this app."""
    return {
        # Only the configured front ends: with credentials allowed, "*" would make
        # Starlette echo back whatever Origin a request carries.
        "allow_origins": list(settings.cors_origins),
        "allow_credentials": True,
        "allow_methods": ["GET", "POST", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type"],
        "expose_headers": ["Retry-After"],
        "max_age": 600,
    }
