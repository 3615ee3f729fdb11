"""Alternative: the token compared first, the Origin check written out in verify.

Right because both checks are made, in either order: the token must be this session's
(compared in constant time) and an Origin header, when present, must be the app's own.
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
        expected = self.token_for(session)
        if submitted is None or not hmac.compare_digest(submitted.encode(), expected.encode()):
            raise CsrfRejected("missing or wrong CSRF token")
        if origin not in (None, own_origin):
            raise CsrfRejected(f"form posted from another site ({origin})")

    def check_origin(self, *, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected if the browser says the request comes from another site's page."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
