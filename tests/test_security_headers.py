"""Security headers on every answer: JSON, errors, the HTML pages, and HSTS over HTTPS."""

import httpx
import pytest

from workbook.app.config import Settings
from workbook.live import LiveApp

pytestmark = pytest.mark.database

EVERYWHERE = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


def security_headers(response: httpx.Response) -> dict[str, str]:
    names = (*EVERYWHERE, "content-security-policy", "strict-transport-security")
    return {name: response.headers[name] for name in names if name in response.headers}


@pytest.mark.parametrize(
    "method, path, status",
    [("GET", "/agents", 200), ("GET", "/agents/999", 404), ("POST", "/agents", 401), ("GET", "/agents/x", 422)],
)
async def test_json_answers_carry_the_headers_and_a_csp_that_allows_nothing(live: LiveApp, method, path, status):
    response = await live.client.request(method, path)
    assert response.status_code == status, response.text
    assert security_headers(response) == {**EVERYWHERE, "content-security-policy": "default-src 'none'; frame-ancestors 'none'"}


async def test_the_html_pages_keep_their_own_policy(live: LiveApp):
    response = await live.client.get("/status")
    headers = security_headers(response)
    assert {name: headers.get(name) for name in EVERYWHERE} == EVERYWHERE, headers
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy, policy
    assert "form-action 'self'" in policy, policy


async def test_a_cors_preflight_carries_them_too():
    async with await LiveApp.start(Settings(cors_origins=["https://app.example.com"])) as live:
        response = await live.client.options(
            "/agents", headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "GET"}
        )
    assert response.status_code == 200, response.text
    assert {name: response.headers.get(name) for name in EVERYWHERE} == EVERYWHERE, response.headers


async def test_hsts_only_over_https(live: LiveApp):
    plain = await live.client.get("/health/live")
    secure = await live.client.get("https://live.test/health/live")
    assert "strict-transport-security" not in plain.headers, "HSTS over plain HTTP means nothing to a browser"
    assert secure.headers.get("strict-transport-security") == "max-age=63072000; includeSubDomains", secure.headers


async def test_hsts_follows_the_scheme_a_trusted_proxy_reports():
    async with await LiveApp.start(Settings(trusted_proxies=["10.0.0.7"])) as live:
        async with live.client_from("10.0.0.7") as proxy, live.client_from("203.0.113.9") as stranger:
            via_proxy = await proxy.get("/health/live", headers={"X-Forwarded-Proto": "https"})
            claimed = await stranger.get("/health/live", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" in via_proxy.headers, "the trusted proxy said the client used HTTPS"
    assert "strict-transport-security" not in claimed.headers, "X-Forwarded-Proto from a stranger must be ignored"
