"""Rate limits: a burst over the limit, and whose budget a request spends.

Limits are per user (a verified access token) or per client address, where the client
address is the peer's unless the peer is a configured trusted proxy: only then is
X-Forwarded-For believed. Each test starts an app with a small limit of its own.
"""

import asyncio

import httpx
import jwt
import pytest

from workbook.app.api.security import get_rate_limit_key
from workbook.app.config import Settings
from workbook.live import DEMO_PASSWORD, LiveApp

pytestmark = pytest.mark.database

LIMIT = 5
PROXY = "10.0.0.7"


def search(client: httpx.AsyncClient, **headers: str):
    return client.get("/agents/search", params={"q": "scout"}, headers=headers)


def summary(responses: list[httpx.Response]) -> list[int]:
    return [response.status_code for response in responses]


async def test_a_burst_gets_exactly_the_allowed_number_through_the_rest_429_with_retry_after():
    async with await LiveApp.start(Settings(rate_limit_search=f"{LIMIT}/minute")) as live:
        responses = await asyncio.gather(*(search(live.client) for _ in range(LIMIT + 4)))
    codes = summary(responses)
    assert sorted(codes) == [200] * LIMIT + [429] * 4, f"{LIMIT + 4} requests at once, limit {LIMIT}: answered {codes}"
    for refused in (response for response in responses if response.status_code == 429):
        retry_after = refused.headers.get("retry-after", "")
        assert retry_after.isdigit() and 1 <= int(retry_after) <= 60, (
            f"a 429 must say when to come back (Retry-After, whole seconds within the minute); got {retry_after!r}"
        )
        assert "too many requests" in refused.json()["detail"], refused.text


async def test_a_spoofed_x_forwarded_for_does_not_reset_the_count():
    async with await LiveApp.start(Settings(rate_limit_search=f"{LIMIT}/minute")) as live:
        responses = [
            await search(live.client, **{"X-Forwarded-For": f"198.51.100.{n}"}) for n in range(LIMIT + 3)
        ]
    assert summary(responses) == [200] * LIMIT + [429] * 3, (
        "a client not behind a trusted proxy rotated X-Forwarded-For on every request: "
        f"expected {LIMIT} answers then 429s, got {summary(responses)}"
    )


async def test_x_forwarded_for_naming_a_trusted_proxy_is_still_spoofed_from_elsewhere():
    settings = Settings(rate_limit_search=f"{LIMIT}/minute", trusted_proxies=[PROXY])
    async with await LiveApp.start(settings) as live, live.client_from("203.0.113.9") as client:
        responses = [await search(client, **{"X-Forwarded-For": f"198.51.100.{n}, {PROXY}"}) for n in range(LIMIT + 2)]
    assert summary(responses) == [200] * LIMIT + [429] * 2, summary(responses)


async def test_x_forwarded_for_from_a_trusted_proxy_names_the_client():
    settings = Settings(rate_limit_search=f"{LIMIT}/minute", trusted_proxies=[PROXY])
    async with await LiveApp.start(settings) as live, live.client_from(PROXY) as proxy:
        first = [await search(proxy, **{"X-Forwarded-For": "198.51.100.1"}) for _ in range(LIMIT + 1)]
        # Another client behind the same proxy has a budget of its own...
        second = await search(proxy, **{"X-Forwarded-For": "198.51.100.2"})
        # ...and what a client writes in front of the address the proxy appended is ignored.
        rotated = [
            await search(proxy, **{"X-Forwarded-For": f"192.0.2.{n}, 198.51.100.1"}) for n in range(3)
        ]
    assert summary(first) == [200] * LIMIT + [429], f"one client behind the proxy: {summary(first)}"
    assert second.status_code == 200, f"a second client behind the proxy was refused: {second.status_code}"
    assert summary(rotated) == [429] * 3, (
        f"the first client, prefixing made-up addresses to X-Forwarded-For: {summary(rotated)}, expected 429s"
    )


async def test_signed_in_users_have_budgets_of_their_own_and_a_forged_token_has_none():
    async with await LiveApp.start(Settings(rate_limit_search=f"{LIMIT}/minute")) as live:
        alice, bob = await live.create_user(), await live.create_user()
        alice_headers, bob_headers = await live.auth_headers(alice), await live.auth_headers(bob)
        alice_codes = summary([await search(live.client, **alice_headers) for _ in range(LIMIT + 1)])
        bob_code = (await search(live.client, **bob_headers)).status_code
        anonymous_code = (await search(live.client)).status_code
        # Tokens signed with another key, a new user id each: counted by address, not by user.
        forged = [
            jwt.encode({"sub": str(1000 + n), "type": "access"}, "not-the-key-" * 4, algorithm="HS256")
            for n in range(LIMIT)
        ]
        forged_codes = summary([await search(live.client, Authorization=f"Bearer {token}") for token in forged])
    assert alice_codes == [200] * LIMIT + [429], f"alice: {alice_codes}"
    assert bob_code == 200, "bob, signed in on the same address, was refused: budgets must be per user"
    assert anonymous_code == 200, "an anonymous request from that address was refused after alice's burst"
    assert forged_codes == [200] * (LIMIT - 1) + [429], (
        "forged tokens, one user id each, must spend the address's budget (1 spent above): "
        f"got {forged_codes}"
    )


async def test_logins_are_limited_per_address_across_both_sign_in_doors():
    async with await LiveApp.start(Settings(rate_limit_login="3/minute")) as live:
        user = await live.create_user()  # creating a user is not a login
        wrong = {"username": user["email"], "password": "not " + DEMO_PASSWORD}
        codes = [
            (await live.client.post("/auth/token", data=wrong)).status_code,
            (await live.client.post("/web/session", data=wrong)).status_code,
            (await live.client.post("/auth/token", data=wrong)).status_code,
            (await live.client.post("/web/session", data={**wrong, "password": DEMO_PASSWORD})).status_code,
            (await live.client.post("/auth/token", data={**wrong, "password": DEMO_PASSWORD})).status_code,
        ]
    assert codes == [401, 401, 401, 429, 429], (
        f"three guesses through /auth/token and /web/session, then the right password: {codes}"
    )


async def test_the_rate_limit_key_is_a_dependency_that_can_be_replaced():
    # Every request one budget, whoever sends it.
    async with await LiveApp.start(
        Settings(rate_limit_search=f"{LIMIT}/minute"), overrides={get_rate_limit_key: lambda: "everyone"}
    ) as live:
        async with live.client_from("192.0.2.1") as one, live.client_from("192.0.2.2") as two:
            codes = summary([await search(client) for client in [one, two] * LIMIT])
    assert codes == [200] * LIMIT + [429] * LIMIT, codes
