"""The identity provider's HTTP side: /authorize (front channel, in the browser), /token
and /userinfo (back channel, called by the app's server).

Userinfo rather than an ID token: the app asks /userinfo over the same direct channel it
redeemed the code on, with the access token it just received, so the answer needs no
signature of its own to be trusted. An ID token is a signed JWT the app would have to
verify (issuer, audience, expiry, nonce, the provider's keys): worth a chapter of its own,
and no part of what state and PKCE protect.
"""

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import FastAPI, Form, Header
from fastapi.responses import JSONResponse, RedirectResponse

from workbook.app.security.pkce import s256_challenge
from workbook.idp.store import CodeRefused, GrantStore, Identity

IDP_URL = "http://idp.test"
DEFAULT_CLIENT_ID = "workbook"
DEFAULT_REDIRECT_URI = "http://live.test/auth/oauth/callback"
DEFAULT_LOGIN = "ada@example.com"


@dataclass(frozen=True)
class RegisteredClient:
    client_id: str
    redirect_uris: tuple[str, ...]


def utc_now() -> datetime:
    return datetime.now(UTC)


def oauth_error(error: str, description: str, status_code: int = 400) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status_code)


def with_query(uri: str, **params: str) -> str:
    return f"{uri}{'&' if '?' in uri else '?'}{urlencode(params)}"


def create_idp(
    *,
    clients: Sequence[RegisteredClient] = (RegisteredClient(DEFAULT_CLIENT_ID, (DEFAULT_REDIRECT_URI,)),),
    unverified_emails: frozenset[str] = frozenset(),
    now: Callable[[], datetime] = utc_now,
    code_ttl: timedelta = timedelta(seconds=60),
    require_pkce: bool = True,
) -> FastAPI:
    """A new provider with its own memory. ``unverified_emails`` sign in with
    ``email_verified: false``; ``now`` is its clock (codes live ``code_ttl``).
    ``require_pkce=False`` makes it a provider of the older kind, which also issues codes
    to requests without a code_challenge (then redeemable without a verifier): only for
    showing what PKCE prevents."""
    idp = FastAPI(title="Workbook identity provider")
    registered = {client.client_id: client for client in clients}
    store = GrantStore(now=now, code_ttl=code_ttl)
    idp.state.store = store

    @idp.get("/authorize")
    async def authorize(
        client_id: str = "",
        redirect_uri: str = "",
        response_type: str = "",
        state: str | None = None,
        code_challenge: str = "",
        code_challenge_method: str = "plain",  # RFC 7636's default, refused below
        login_hint: str = DEFAULT_LOGIN,
    ):
        """Sign in (here: as ``login_hint``, no password asked) and send the browser back
        to the client's redirect_uri with a code and the client's state."""
        client = registered.get(client_id)
        # Never redirect to a URI that is not registered, exactly: the code would go to
        # whoever wrote the link (RFC 6749 4.1.2.1). Say so here instead.
        if client is None or redirect_uri not in client.redirect_uris:
            return oauth_error("invalid_request", "unknown client_id or unregistered redirect_uri")

        def back(**params: str) -> RedirectResponse:
            if state is not None:
                params["state"] = state
            return RedirectResponse(with_query(redirect_uri, **params), status_code=302)

        if response_type != "code":
            return back(error="unsupported_response_type")
        if not code_challenge and require_pkce:
            return back(error="invalid_request", error_description="code_challenge required (PKCE)")
        if code_challenge and code_challenge_method != "S256":
            return back(error="invalid_request", error_description="transform algorithm not supported: use S256")
        identity = Identity(
            sub=f"idp-{hashlib.sha256(login_hint.encode()).hexdigest()[:16]}",
            email=login_hint,
            email_verified=login_hint not in unverified_emails,
        )
        code = store.issue_code(
            identity=identity, client_id=client_id, redirect_uri=redirect_uri, code_challenge=code_challenge
        )
        return back(code=code)

    @idp.post("/token")
    async def token(
        grant_type: Annotated[str, Form()],
        code: Annotated[str, Form()] = "",
        redirect_uri: Annotated[str, Form()] = "",
        client_id: Annotated[str, Form()] = "",
        code_verifier: Annotated[str, Form()] = "",
    ):
        """Redeem a code (once) for an access token, showing the PKCE verifier."""
        if grant_type != "authorization_code":
            return oauth_error("unsupported_grant_type", "only authorization_code")
        try:
            grant = store.redeem(code)
        except CodeRefused as exc:
            return oauth_error("invalid_grant", str(exc))
        if grant.client_id != client_id or grant.redirect_uri != redirect_uri:
            return oauth_error("invalid_grant", "code issued to another client_id or redirect_uri")
        # (A code issued without a challenge, by a provider that does not require PKCE,
        # is redeemed by whoever holds it.)
        if grant.code_challenge and not secrets.compare_digest(s256_challenge(code_verifier), grant.code_challenge):
            return oauth_error("invalid_grant", "code_verifier does not match the code_challenge")
        return {
            "access_token": store.issue_token(code, grant.identity),
            "token_type": "Bearer",
            "expires_in": 300,
            "scope": "openid email",
        }

    @idp.get("/userinfo")
    async def userinfo(authorization: Annotated[str, Header()] = ""):
        """Who the bearer token was issued for."""
        scheme, _, token = authorization.partition(" ")
        identity = store.identity_of(token) if scheme.lower() == "bearer" else None
        if identity is None:
            return oauth_error("invalid_token", "unknown or revoked access token", status_code=401)
        return {"sub": identity.sub, "email": identity.email, "email_verified": identity.email_verified}

    return idp
