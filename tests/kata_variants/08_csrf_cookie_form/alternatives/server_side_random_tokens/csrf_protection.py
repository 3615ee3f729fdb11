"""Alternative: a random token per session, kept on the server (the "synchronizer token"
pattern).

Right because the token is unguessable and bound to the session it was issued for, and is
compared in constant time; the Origin check stays. It costs server-side state (here a
dict, in one process; in production a session store), which the HMAC-derived token avoids.
"""

import secrets

from workbook.app.security.csrf import CsrfRejected


class CsrfProtection:
    def __init__(self, secret: str) -> None:
        self._tokens: dict[str, str] = {}

    def token_for(self, session: str) -> str:
        return self._tokens.setdefault(session, secrets.token_urlsafe(32))

    def verify(self, *, session: str, submitted: str | None, origin: str | None, own_origin: str) -> None:
        self.check_origin(origin=origin, own_origin=own_origin)
        expected = self._tokens.get(session)
        if not submitted or expected is None or not secrets.compare_digest(submitted.encode(), expected.encode()):
            raise CsrfRejected("missing or wrong CSRF token")

    def check_origin(self, *, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected if the browser says the request comes from another site's page."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
