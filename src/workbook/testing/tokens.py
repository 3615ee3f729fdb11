"""Making tokens the way an attacker (or a careless client) would, for the project's
tests and the katas' tests.

``forge`` signs exactly the claims it is given, with any key and algorithm, and validates
nothing (NaN, a numeric ``sub``, a missing claim: all allowed), so a test can build a
token with one fault and nothing else wrong. Signed with the app's own key and valid
claims, a forged token is one the app accepts: the control that shows each refusal is
down to the one fault.
"""

import base64
import json
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from jwt.api_jws import PyJWS

if TYPE_CHECKING:
    from workbook.live import LiveApp

# Not the app's key (each app draws a random one). 32+ bytes: PyJWT warns below that.
OTHER_SECRET = "another-secret-that-is-long-enough-for-hs256"


def app_key(live: "LiveApp") -> str:
    """The key ``live`` signs its tokens with. Tests know it; an attacker does not."""
    return live.app.state.settings.jwt_secret.get_secret_value()


def access_claims(user_id: int, *, now: datetime | None = None, lifetime_s: int = 900) -> dict[str, Any]:
    """The claims of a valid access token of ``user_id``, issued ``now`` (default: the
    wall clock), as the app's TokenService writes them."""
    issued = int((now or datetime.now(UTC)).timestamp())
    return {
        "sub": str(user_id),
        "iat": issued,
        "exp": issued + lifetime_s,
        "jti": uuid.uuid4().hex,
        "type": "access",
    }


def forge(claims: dict[str, Any], key: str, algorithm: str = "HS256") -> str:
    """Sign exactly these claims (no validation, NaN allowed) with this key and algorithm."""
    return PyJWS().encode(json.dumps(claims).encode(), key, algorithm=algorithm)


def unsigned(claims: dict[str, Any]) -> str:
    """A token with the header {"alg": "none"} and no signature at all: "<header>.<payload>."."""
    return PyJWS().encode(json.dumps(claims).encode(), None, algorithm="none")


def with_payload(token: str, claims: dict[str, Any]) -> str:
    """``token`` with its payload swapped for ``claims`` and its header and signature kept:
    what editing a real token in a browser's storage gives."""
    header, _, signature = token.split(".")
    return f"{header}.{b64(claims)}.{signature}"


def b64(data: dict[str, Any]) -> str:
    """One JWT segment: JSON, base64url without padding."""
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
