"""Which other sites' pages may call the API from a browser (chapter 08).

CORS does not protect the server: a request from another origin is still served. It tells
the *browser* whether the calling page may read the answer. With credentials allowed, the
answer carries cookies' worth of the user's data, so the allowed origins must be a list
of sites we trust, from settings. `allow_origins=["*"]` with `allow_credentials=True` is
not "everyone, without cookies": Starlette then answers every origin by echoing it back,
credentials allowed (the chapter shows it).

create_app(cors_options=...) takes another function of this shape (how a kata plugs one
in): it gets the settings and returns CORSMiddleware's keyword arguments.
"""

from collections.abc import Callable, Mapping
from typing import Any

from workbook.app.config import Settings

CorsOptions = Callable[[Settings], Mapping[str, Any]]


def cors_options(settings: Settings) -> dict[str, Any]:
    """The configured origins only, with cookies, for the methods and headers the API uses."""
    return {
        "allow_origins": list(settings.cors_origins),
        "allow_credentials": True,
        "allow_methods": ["GET", "POST", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type"],
        "expose_headers": ["Retry-After"],
        "max_age": 600,
    }
