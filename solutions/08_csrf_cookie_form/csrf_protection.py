"""Your component: the CSRF check of the app's cookie-authenticated pages.

A browser signs in with the form at POST /web/session and gets a session cookie. With it,
the page GET /web/agents lists the user's agents, each with a form that posts to
POST /web/agents/{id}/status. Before that form action runs, the app calls ``verify`` with
the session cookie's value, the form's ``csrf_token`` field and the request's ``Origin``
header; if ``verify`` raises CsrfRejected, the post is refused (403) and nothing changes.
``token_for`` is what the page puts in the hidden ``csrf_token`` field of its forms, and
``check_origin`` alone guards the sign-in form (no session yet).
"""

import base64
import hashlib
import hmac

from workbook.app.security.csrf import CsrfRejected


class CsrfProtection:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode()

    def token_for(self, session: str) -> str:
        """The token our forms carry for this session (the session cookie's value): an
        HMAC of it under the server's secret, which no other site can compute."""
        digest = hmac.new(self._key, b"csrf\x00" + session.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def verify(self, *, session: str, submitted: str | None, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected unless the post came from one of our own pages: the Origin,
        when the browser sent one, is ours, and the submitted token is this session's."""
        self.check_origin(origin=origin, own_origin=own_origin)
        # compare_digest: the time taken says nothing about how much of a guess was right.
        # Bytes: compare_digest refuses str with non-ASCII characters (a TypeError, a 500).
        if not submitted or not hmac.compare_digest(submitted.encode(), self.token_for(session).encode()):
            raise CsrfRejected("missing or wrong CSRF token")

    def check_origin(self, *, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected if the browser says the request comes from another site's page."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
