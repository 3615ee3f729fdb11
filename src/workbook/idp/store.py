"""What the identity provider remembers: the codes it handed out and the tokens it issued."""

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Identity:
    """Who signed in at the provider. ``sub`` is the provider's stable id for them."""

    sub: str
    email: str
    email_verified: bool = True
    name: str = ""


@dataclass(frozen=True)
class Grant:
    """One authorization code: for whom, for which client and redirect_uri, until when, and
    the PKCE challenge its redeemer must answer."""

    identity: Identity
    client_id: str
    redirect_uri: str
    code_challenge: str
    expires_at: datetime


class CodeRefused(Exception):
    """The code cannot be redeemed (unknown, used, expired or not this client's)."""


@dataclass
class GrantStore:
    now: Callable[[], datetime]
    code_ttl: timedelta
    _codes: dict[str, Grant] = field(default_factory=dict)
    _redeemed: dict[str, str | None] = field(default_factory=dict)  # code -> token it bought
    _tokens: dict[str, Identity] = field(default_factory=dict)

    def issue_code(self, *, identity: Identity, client_id: str, redirect_uri: str, code_challenge: str) -> str:
        code = secrets.token_urlsafe(32)
        self._codes[code] = Grant(
            identity=identity,
            client_id=client_id,
            redirect_uri=redirect_uri,
            code_challenge=code_challenge,
            expires_at=self.now() + self.code_ttl,
        )
        return code

    def redeem(self, code: str) -> Grant:
        """Take the code out: it works once. A code presented again is refused, and the
        token it bought is revoked (RFC 6749 4.1.2: whoever replays it may have stolen it)."""
        if code in self._redeemed:
            self._tokens.pop(self._redeemed[code] or "", None)
            raise CodeRefused("authorization code already used")
        grant = self._codes.pop(code, None)
        if grant is None:
            raise CodeRefused("unknown authorization code")
        self._redeemed[code] = None  # spent from now on, even if a check below refuses it
        if grant.expires_at <= self.now():
            raise CodeRefused("authorization code expired")
        return grant

    def issue_token(self, code: str, identity: Identity) -> str:
        token = secrets.token_urlsafe(32)
        self._tokens[token] = identity
        self._redeemed[code] = token
        return token

    def identity_of(self, token: str) -> Identity | None:
        return self._tokens.get(token)
