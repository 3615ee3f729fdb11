"""Dependencies of the OAuth login (chapter 07), beside deps.py.

``get_idp_http`` is the seam: the HTTP client the app reaches the identity provider with.
By default it goes over the network to ``settings.oauth_idp_url``; notebooks and tests
override it with a client whose transport is ``httpx.ASGITransport(app=idp)``
(``workbook.idp.reach_idp``), so the provider runs in-process.
"""

from collections.abc import AsyncIterator
from typing import Annotated

import httpx
from fastapi import Depends, Request

from workbook.app.api.deps import AuthServiceDep, SessionDep, SettingsDep
from workbook.app.services.identity_provider import IdentityProviderClient
from workbook.app.services.oauth_login import OAuthLoginService, PendingLogins


async def get_idp_http(request: Request) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=request.app.state.settings.oauth_idp_url, timeout=10) as http:
        yield http


def get_pending_logins(request: Request) -> PendingLogins:
    return request.app.state.pending_logins


def get_identity_provider(
    settings: SettingsDep, http: Annotated[httpx.AsyncClient, Depends(get_idp_http)]
) -> IdentityProviderClient:
    return IdentityProviderClient(
        http, base_url=settings.oauth_idp_url, client_id=settings.oauth_client_id, redirect_uri=settings.oauth_redirect_uri
    )


def get_oauth_login_service(
    session: SessionDep,
    auth: AuthServiceDep,
    idp: Annotated[IdentityProviderClient, Depends(get_identity_provider)],
    pending: Annotated[PendingLogins, Depends(get_pending_logins)],
) -> OAuthLoginService:
    return OAuthLoginService(session, auth=auth, idp=idp, pending=pending)


OAuthLoginDep = Annotated[OAuthLoginService, Depends(get_oauth_login_service)]
