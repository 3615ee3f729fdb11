"""Decoy: the session cookie itself as the form's token ("double submit" done naively).

Wrong because it writes the session credential into the page's HTML: the cookie is HttpOnly
so that no script can read it, and now anything that reads the page (a script injected by
an XSS, a cached copy, a browser extension) has the whole session, not just a form token.
"""

import hmac

from workbook.app.security.csrf import CsrfRejected


class CsrfProtection:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode()

    def token_for(self, session: str) -> str:
        return session

    def verify(self, *, session: str, submitted: str | None, origin: str | None, own_origin: str) -> None:
        self.check_origin(origin=origin, own_origin=own_origin)
        if not submitted or not hmac.compare_digest(submitted.encode(), session.encode()):
            raise CsrfRejected("missing or wrong CSRF token")

    def check_origin(self, *, origin: str | None, own_origin: str) -> None:
        """Raise CsrfRejected if the browser says the request comes from another site's page."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
