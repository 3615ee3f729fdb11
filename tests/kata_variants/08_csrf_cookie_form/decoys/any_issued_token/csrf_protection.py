"""Decoy: remember every token handed out, and accept any of them.

Wrong because the token is not bound to the session that posts: the attacker signs in as
themselves, copies the token from their own page (it was issued, so it is remembered), and
puts it in the victim's forged form.
"""

import base64
import hashlib
import hmac

from workbook.app.security.csrf import CsrfRejected


class CsrfProtection:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode()
        self._issued: set[str] = set()

    def token_for(self, session: str) -> str:
        digest = hmac.new(self._key, b"csrf\x00" + session.encode(), hashlib.sha256).digest()
        token = base64.urlsafe_b64encode(digest).decode().rstrip("=")
        self._issued.add(token)
        return token

    def verify(self, *, session: str, submitted: str | None, origin: str | None, own_origin: str) -> None:
        self.check_origin(origin=origin, own_origin=own_origin)
        if submitted not in self._issued:
            raise CsrfRejected("unknown CSRF token")

    def check_origin(self, *, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected if the browser says the request comes from another site's page."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
