"""Put the in-process identity provider beside a LiveApp: the app's back channel to it, and
a browser that visits both (one cookie jar, redirects followed across the two hosts)."""

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
from fastapi import FastAPI

from workbook.app.api.oauth_deps import get_idp_http
from workbook.idp.app import IDP_URL
from workbook.live import BASE_URL, LiveApp


def reach_idp(idp: FastAPI) -> dict[Callable[..., Any], Callable[..., Any]]:
    """The dependency override (``LiveApp.start(overrides=...)``) that makes the app call
    ``idp`` in-process: its HTTP client to the provider goes through httpx.ASGITransport."""

    async def in_process() -> AsyncIterator[httpx.AsyncClient]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=idp), base_url=IDP_URL) as http:
            yield http

    return {get_idp_http: in_process}


def _nowhere(request: httpx.Request) -> httpx.Response:
    return httpx.Response(502, text=f"this browser only reaches {BASE_URL} and {IDP_URL}, not {request.url.host}")


class Browser(httpx.AsyncClient):
    """A browser (its own cookie jar) that reaches the app at BASE_URL and the provider at
    IDP_URL, in-process, and nothing else. ``async with Browser(live, idp) as browser``."""

    def __init__(self, live: LiveApp, idp: FastAPI, *, follow_redirects: bool = True) -> None:
        super().__init__(
            base_url=BASE_URL,
            mounts={BASE_URL: live.transport(), IDP_URL: httpx.ASGITransport(app=idp)},
            transport=httpx.MockTransport(_nowhere),
            follow_redirects=follow_redirects,
        )


START_PATH = "/auth/oauth/start"


async def signed_in_callback(browser: httpx.AsyncClient, email: str) -> str:
    """Start a login in ``browser`` and sign in at the provider as ``email``, stopping
    before the callback: the URL (code and state) the provider sends the browser back to.
    What an attacker does in their own browser before planting that URL in someone else's."""
    to_provider = await browser.get(START_PATH, params={"login_hint": email}, follow_redirects=False)
    _expect_redirect(to_provider)
    back = await browser.get(to_provider.headers["location"], follow_redirects=False)
    _expect_redirect(back)
    return back.headers["location"]


def _expect_redirect(response: httpx.Response) -> None:
    if response.status_code != 302:
        raise AssertionError(f"GET {response.url} answered {response.status_code}, not a redirect: {response.text}")
