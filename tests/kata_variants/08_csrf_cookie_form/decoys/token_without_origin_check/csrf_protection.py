"""Decoy: compare the token, ignore the Origin header.

Wrong because it throws away the second, independent check that verify is asked to make:
a token can leak (a log, an old copy of the page, a Referer), and then a post from another
site's page, which the browser labels as such in its Origin header, gets through.
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
        if not submitted or not hmac.compare_digest(submitted.encode(), self.token_for(session).encode()):
            raise CsrfRejected("missing or wrong CSRF token")

    def check_origin(self, *, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected if the browser says the request comes from another site's page."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
