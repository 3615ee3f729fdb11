"""Signed tokens (JWT, HS256): short-lived access tokens and rotating refresh tokens.

Two rules carry most of the security here:
- the signature is verified before any claim is read, and the algorithm is fixed by the
  server (``algorithms=["HS256"]``), never taken from the token's own header;
- every token says what it is for (``type``), and a token of the wrong type is refused, so
  a long-lived refresh token cannot open a route that wants an access token.

Times come from ``now``, a callable the service is given, so tests can move the clock
instead of sleeping. PyJWT reads the wall clock for ``exp``/``iat``/``nbf``; so those three
are checked here, against ``now``, after PyJWT has verified the signature.
"""

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import jwt

from workbook.app.config import Settings

ALGORITHM = "HS256"
TokenType = Literal["access", "refresh"]
REQUIRED_CLAIMS = ["exp", "iat", "sub", "jti", "type"]


def utc_now() -> datetime:
    return datetime.now(UTC)


class InvalidToken(Exception):
    """The token is forged, expired, not yet valid, malformed or of the wrong type.

    Not a DomainError: this module sits below the services (which import it) and knows
    nothing of them. Whoever decodes turns it into services.errors.Unauthorized."""


@dataclass(frozen=True)
class IssuedToken:
    token: str
    jti: str
    expires_at: datetime


@dataclass(frozen=True)
class TokenClaims:
    """The verified claims of a token."""

    user_id: int
    jti: str
    type: TokenType
    family_id: str | None = None  # refresh tokens only: the login session they belong to


class TokenService:
    def __init__(
        self,
        *,
        secret: str,
        access_ttl: timedelta,
        refresh_ttl: timedelta,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self._secret = secret
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.now = now

    @classmethod
    def from_settings(cls, settings: Settings, *, now: Callable[[], datetime] = utc_now) -> "TokenService":
        return cls(
            secret=settings.jwt_secret.get_secret_value(),
            access_ttl=timedelta(seconds=settings.access_token_ttl_s),
            refresh_ttl=timedelta(seconds=settings.refresh_token_ttl_s),
            now=now,
        )

    def issue_access(self, *, user_id: int) -> IssuedToken:
        return self._issue(user_id=user_id, type="access", ttl=self.access_ttl)

    def issue_refresh(self, *, user_id: int, family_id: str) -> IssuedToken:
        return self._issue(user_id=user_id, type="refresh", ttl=self.refresh_ttl, fam=family_id)

    def _issue(self, *, user_id: int, type: TokenType, ttl: timedelta, **extra: Any) -> IssuedToken:
        issued_at = self.now()
        expires_at = issued_at + ttl
        jti = uuid.uuid4().hex
        claims = {
            "sub": str(user_id),  # RFC 7519: a string (PyJWT 2.10+ refuses anything else)
            "iat": issued_at,  # PyJWT turns aware datetimes into NumericDate (seconds)
            "exp": expires_at,
            "jti": jti,
            "type": type,
            **extra,
        }
        token = jwt.encode(claims, self._secret, algorithm=ALGORITHM)
        return IssuedToken(token=token, jti=jti, expires_at=expires_at)

    def decode(self, token: str, *, expected_type: TokenType) -> TokenClaims:
        """Verify the token and return its claims; raise InvalidToken for any fault."""
        try:
            payload = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],  # fixed here: never from the token's header
                options={
                    "require": REQUIRED_CLAIMS,
                    # Checked below against self.now (PyJWT would use the wall clock).
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                    "verify_sub": True,  # sub must be a string
                    "verify_jti": True,  # jti must be a string
                },
            )
        except jwt.InvalidTokenError as exc:
            raise InvalidToken(f"invalid token: {exc}") from None
        now = self.now().timestamp()
        issued_at = _numeric_date(payload, "iat")
        expires_at = _numeric_date(payload, "exp")
        if expires_at <= now:
            raise InvalidToken("invalid token: expired")
        if issued_at > now:
            raise InvalidToken("invalid token: issued in the future")
        if "nbf" in payload and _numeric_date(payload, "nbf") > now:
            raise InvalidToken("invalid token: not yet valid")
        if payload["type"] != expected_type:
            raise InvalidToken(f"invalid token: a {expected_type} token is required")
        sub = payload["sub"]
        # A user id: digits only, and within the users.id column (a 32-bit integer).
        if not (sub.isascii() and sub.isdigit() and len(sub) <= 10 and 0 < int(sub) < 2**31):
            raise InvalidToken("invalid token: malformed subject")
        family_id = payload.get("fam")
        if expected_type == "refresh" and not isinstance(family_id, str):
            raise InvalidToken("invalid token: refresh token without a session")
        return TokenClaims(
            user_id=int(sub),
            jti=payload["jti"],
            type=expected_type,
            family_id=family_id,
        )


def _numeric_date(payload: dict[str, Any], claim: str) -> float:
    value = payload[claim]
    # bool is an int in Python: {"exp": true} is not a date. NaN compares False with
    # everything, so an exp of NaN would never expire: finite numbers only.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidToken(f"invalid token: {claim} must be a number")
    return float(value)
