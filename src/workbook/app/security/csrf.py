"""CSRF tokens for cookie-authenticated forms (chapter 08).

A browser attaches a site's cookies to every request to that site, whichever page sends
it: a form on an attacker's page that posts to us arrives with the victim's session
cookie. What the attacker's page cannot do is read our pages (the same-origin policy), so
a token that we put in our own form, and check on submit, is something a forged request
does not have.

The token is an HMAC of the session cookie's value under a server secret (OWASP's "signed
double-submit"): nothing to store, it changes with every session, and a token from the
attacker's own session is worthless in the victim's. A second, independent check refuses a
request whose Origin header names another site (browsers send Origin on every cross-origin
POST).
"""

import base64
import hashlib
import hmac


class CsrfRejected(Exception):
    """The form post may have been forged by another site."""


class CsrfProtection:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode()

    def token_for(self, session: str) -> str:
        """The token our forms carry for this session (the session cookie's value)."""
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
        """Raise CsrfRejected if the browser says the request comes from another site's
        page. Alone it is the check for a form that has no session yet (the sign-in
        itself: "login CSRF" signs a victim in as the attacker)."""
        if origin is not None and origin != own_origin:
            raise CsrfRejected(f"form posted from another site ({origin})")
