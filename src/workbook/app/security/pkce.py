"""PKCE (RFC 7636) and the OAuth ``state``: the random values of one login.

- ``state`` ties the callback to the browser that started the login (login CSRF);
- the ``code_verifier`` ties the code to the client that asked for it: the identity provider
  only hands out tokens for a code to whoever shows the verifier whose hash it was given
  (``code_challenge``) at the start. S256 only: with ``plain`` the challenge *is* the
  verifier, so anyone who saw the authorization request can redeem the code.
"""

import base64
import hashlib
import secrets


def new_state() -> str:
    return secrets.token_urlsafe(32)


def new_code_verifier() -> str:
    """43 characters from the unreserved set: 32 random bytes, base64url (RFC 7636 4.1)."""
    return secrets.token_urlsafe(32)


def s256_challenge(code_verifier: str) -> str:
    """BASE64URL(SHA256(verifier)) without padding (RFC 7636 4.2)."""
    digest = hashlib.sha256(code_verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
