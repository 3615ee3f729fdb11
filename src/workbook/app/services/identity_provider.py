"""The app's side of the identity provider's API: the URL the browser is sent to, and the
two back-channel calls (redeem the code, ask who signed in).

It talks through the httpx client it is given: over the network in a deployment, through
``httpx.ASGITransport`` to an in-process provider in notebooks and tests.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import httpx

from workbook.app.services.errors import Unauthorized


@dataclass(frozen=True)
class ProviderIdentity:
    """Who the provider says signed in."""

    sub: str
    email: str
    email_verified: bool


class IdentityProviderClient:
    def __init__(self, http: httpx.AsyncClient, *, base_url: str, client_id: str, redirect_uri: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self.redirect_uri = redirect_uri

    def authorize_url(self, *, state: str, code_challenge: str, login_hint: str | None = None) -> str:
        params = {
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": "openid email",
            "state": state,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        if login_hint:
            params["login_hint"] = login_hint
        return f"{self.base_url}/authorize?{urlencode(params)}"

    async def redeem(self, *, code: str, code_verifier: str) -> str:
        """Trade the code (and the verifier that proves we asked for it) for the provider's
        access token. Unauthorized if the provider refuses."""
        response = await self.http.post(
            f"{self.base_url}/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": self.redirect_uri,  # must be the one the code was issued for
                "client_id": self.client_id,
                "code_verifier": code_verifier,
            },
        )
        if response.status_code != 200:
            raise Unauthorized(f"the identity provider refused the code: {_oauth_error(response)}")
        return response.json()["access_token"]

    async def identity(self, *, access_token: str) -> ProviderIdentity:
        response = await self.http.get(
            f"{self.base_url}/userinfo", headers={"Authorization": f"Bearer {access_token}"}
        )
        if response.status_code != 200:
            raise Unauthorized(f"the identity provider refused its own token: {_oauth_error(response)}")
        body = response.json()
        return ProviderIdentity(sub=body["sub"], email=body["email"], email_verified=body.get("email_verified") is True)


def _oauth_error(response: httpx.Response) -> str:
    try:
        body = response.json()
        return f"{body['error']} ({body.get('error_description', '')})"
    except (ValueError, KeyError, TypeError):
        return f"HTTP {response.status_code}"
