"""A small OAuth 2 identity provider (authorization code + PKCE) that runs in-process
beside the app, so the whole login can be driven from a notebook or a test (chapter 07).

    idp = create_idp()                       # its own FastAPI app
    live = await LiveApp.start(overrides=reach_idp(idp))
    browser = Browser(live, idp)             # follows redirects between the two

It is a teaching provider: it signs in whoever ``login_hint`` names (no password, no
consent screen). Everything else follows the specifications: exact redirect_uri match,
single-use short-lived codes bound to client and redirect_uri, S256 PKCE only.
"""

from workbook.idp.app import IDP_URL, RegisteredClient, create_idp
from workbook.idp.store import Identity
from workbook.idp.wiring import START_PATH, Browser, reach_idp, signed_in_callback

__all__ = [
    "IDP_URL",
    "START_PATH",
    "Browser",
    "Identity",
    "RegisteredClient",
    "create_idp",
    "reach_idp",
    "signed_in_callback",
]
