"""CORS: the configured origins get the headers, any other origin does not; and what
Starlette (the installed version) really does with allow_origins=["*"] and credentials.

A browser lets a page of another origin read our answer only if the answer names that
origin in Access-Control-Allow-Origin (with credentials, also Access-Control-Allow-
Credentials: true, and never "*"). So the header that matters in each case below is
Access-Control-Allow-Origin.
"""

from typing import Any

import pytest

from workbook.app.config import Settings
from workbook.live import LiveApp
from workbook.testing.cors import cors_headers, preflight

pytestmark = pytest.mark.database

APP_ORIGIN = "https://app.example.com"
ATTACKER = "https://evil.example"


@pytest.fixture
async def configured() -> Any:
    async with await LiveApp.start(Settings(cors_origins=[APP_ORIGIN])) as live:
        yield live


async def test_an_allowed_origin_may_read_answers_with_credentials(configured: LiveApp):
    response = await configured.client.get("/agents", headers={"Origin": APP_ORIGIN})
    assert response.status_code == 200, response.text
    assert response.headers.get("access-control-allow-origin") == APP_ORIGIN, cors_headers(response)
    assert response.headers.get("access-control-allow-credentials") == "true", cors_headers(response)
    assert "origin" in response.headers.get("vary", "").lower(), "caches must keep answers per Origin"


async def test_an_allowed_origin_passes_the_preflight_for_authorized_json_posts(configured: LiveApp):
    response = await configured.client.options("/agents", headers=preflight(APP_ORIGIN))
    assert response.status_code == 200, response.text
    headers = cors_headers(response)
    assert headers.get("access-control-allow-origin") == APP_ORIGIN, headers
    assert "POST" in headers.get("access-control-allow-methods", ""), headers
    allowed = {name.strip().lower() for name in headers.get("access-control-allow-headers", "").split(",")}
    assert {"authorization", "content-type"} <= allowed, headers


async def test_an_attacker_origin_is_not_allowed_to_read(configured: LiveApp):
    response = await configured.client.get("/agents", headers={"Origin": ATTACKER})
    # The request is served (CORS never stops a request from arriving)...
    assert response.status_code == 200, response.text
    # ...but the answer names no origin, so the attacker's page may not read it. Starlette
    # still adds its fixed headers (credentials allowed, headers exposed) to every answer to
    # a request with an Origin, allowed or not; without an allowed origin beside them,
    # browsers ignore them.
    assert "access-control-allow-origin" not in response.headers, cors_headers(response)
    assert cors_headers(response) == {
        "access-control-allow-credentials": "true",
        "access-control-expose-headers": "Retry-After",
    }, cors_headers(response)


async def test_an_attacker_origin_fails_the_preflight(configured: LiveApp):
    response = await configured.client.options("/agents", headers=preflight(ATTACKER))
    assert response.status_code == 400, response.text
    assert response.text == "Disallowed CORS origin", response.text
    assert "access-control-allow-origin" not in response.headers, cors_headers(response)


async def test_with_no_origins_configured_no_origin_is_allowed(live: LiveApp):
    for origin in (APP_ORIGIN, ATTACKER, "null"):
        response = await live.client.get("/agents", headers={"Origin": origin})
        assert "access-control-allow-origin" not in response.headers, (origin, cors_headers(response))


async def test_wildcard_with_credentials_reflects_whatever_origin_asks():
    """The curriculum's claim, checked on the installed Starlette: with allow_origins=["*"]
    and allow_credentials=True, an answer does not say "*" (which browsers would refuse
    with credentials); it echoes the request's Origin, with credentials allowed. Any site
    may then read a signed-in user's answers."""

    def wildcard_with_credentials(settings: Settings) -> dict[str, Any]:
        return {"allow_origins": ["*"], "allow_credentials": True, "allow_methods": ["*"], "allow_headers": ["*"]}

    async with await LiveApp.start(cors_options=wildcard_with_credentials) as live:
        simple = await live.client.get("/agents", headers={"Origin": ATTACKER})
        before_flight = await live.client.options("/agents", headers=preflight(ATTACKER))
    assert cors_headers(simple) == {
        "access-control-allow-origin": ATTACKER,
        "access-control-allow-credentials": "true",
    }, cors_headers(simple)
    assert before_flight.status_code == 200, before_flight.text
    assert before_flight.headers["access-control-allow-origin"] == ATTACKER, cors_headers(before_flight)
    assert before_flight.headers["access-control-allow-credentials"] == "true", cors_headers(before_flight)
    # With "*" for headers, the requested headers are echoed too.
    assert before_flight.headers["access-control-allow-headers"] == "authorization, content-type"


async def test_wildcard_without_credentials_answers_a_literal_star():
    def wildcard(settings: Settings) -> dict[str, Any]:
        return {"allow_origins": ["*"]}

    async with await LiveApp.start(cors_options=wildcard) as live:
        response = await live.client.get("/agents", headers={"Origin": ATTACKER})
    # "*" lets any page read public answers, never with the user's cookies.
    assert cors_headers(response) == {"access-control-allow-origin": "*"}, cors_headers(response)
