"""Decoy: require a csrf_token field, without comparing it with this session's.

Wrong because any value passes: the forging site puts csrf_token=anything (or the token
from the attacker's own session) in its form. A token proves something only when it is
the one this session was given.
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
        self.check_origin(origin=origin, own_origin=own_origin)
        if not submitted:
            raise CsrfRejected("missing CSRF token")

    def check_origin(self, *, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected if the browser says the request comes from another site's page."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
