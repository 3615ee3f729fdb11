"""Kata 08 — CORS that lets any site in.

Your cors_options configures the live app's CORSMiddleware. The app's front ends are the
two origins in its settings. Each test calls the API as a browser would on behalf of a
page: with an Origin header, and for a non-simple request a preflight first. A page may
read an answer only if Access-Control-Allow-Origin names its origin, so that is the
header each test reads.
"""

from typing import Any

import pytest

from workbook.app.config import Settings
from workbook.live import LiveApp
from workbook.testing.cors import cors_headers, preflight

FRONT_ENDS = ["https://app.example.com", "https://admin.example.com"]
OTHER_SITES = {
    "https://evil.example": "an attacker's site",
    "https://app-example.com": "a look-alike domain anyone can register",
    "https://app.example.com.evil.example": "an attacker's subdomain that starts with the app's host",
    "null": "a sandboxed iframe or a file:// page (they send Origin: null)",
}


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your cors_options, its front ends configured in settings."""
    options = kata.component("cors").cors_options
    async with await LiveApp.start(Settings(cors_origins=FRONT_ENDS), cors_options=options) as live:
        yield live


def shown(headers: dict[str, Any]) -> str:
    return str(headers) if headers else "no access-control-* header"


async def test_the_configured_front_ends_may_read_answers_with_credentials(live: LiveApp):
    for origin in FRONT_ENDS:
        response = await live.client.get("/agents", headers={"Origin": origin})
        headers = cors_headers(response)
        assert headers.get("access-control-allow-origin") == origin and (
            headers.get("access-control-allow-credentials") == "true"
        ), (
            f"GET /agents from a page of {origin} (in settings.cors_origins): expected "
            f"access-control-allow-origin: {origin} and access-control-allow-credentials: true, "
            f"so the app's own front end can call it signed in; got {shown(headers)}"
        )


async def test_a_configured_front_end_passes_the_preflight_of_an_authorized_post(live: LiveApp):
    origin = FRONT_ENDS[0]
    response = await live.client.options("/agents", headers=preflight(origin))
    headers = cors_headers(response)
    allowed = {name.strip().lower() for name in headers.get("access-control-allow-headers", "").split(",")}
    assert response.status_code == 200 and headers.get("access-control-allow-origin") == origin, (
        f"the preflight a browser sends from {origin} before POST /agents with Authorization and "
        f"Content-Type: expected 200 naming {origin}; got {response.status_code}, {shown(headers)}"
    )
    assert {"authorization", "content-type"} <= allowed, (
        f"the preflight from {origin} must allow the Authorization and Content-Type headers; got {shown(headers)}"
    )


@pytest.mark.parametrize("origin", list(OTHER_SITES))
async def test_another_site_may_not_read_answers(live: LiveApp, origin: str):
    response = await live.client.get("/agents", headers={"Origin": origin})
    headers = cors_headers(response)
    assert "access-control-allow-origin" not in headers, (
        f"GET /agents from a page of {origin!r} ({OTHER_SITES[origin]}), which is not in "
        f"settings.cors_origins: expected no access-control-allow-origin, so the browser keeps "
        f"the answer from that page; got {shown(headers)}. With the user's cookies allowed, "
        f"that page reads whatever the signed-in user may read"
    )


async def test_another_site_fails_the_preflight(live: LiveApp):
    origin = next(iter(OTHER_SITES))
    response = await live.client.options("/agents", headers=preflight(origin))
    headers = cors_headers(response)
    assert "access-control-allow-origin" not in headers, (
        f"the preflight from {origin} ({OTHER_SITES[origin]}) before an authorized POST /agents: "
        f"expected no access-control-allow-origin (the browser then never sends the POST); "
        f"got {response.status_code}, {shown(headers)}"
    )
