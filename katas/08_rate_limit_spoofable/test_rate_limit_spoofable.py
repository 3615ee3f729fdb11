"""Kata 08 — the rate limit a header resets.

Your get_client_address decides whose budget an anonymous request spends in the live app.
Its search allows 3 requests a minute per client; the app sits behind one trusted proxy
(settings.trusted_proxies) and is reachable directly too. Each test sends GET
/agents/search from clients of its own addresses (LiveApp.client_from), so budgets spent
by one test are not another's.
"""

from collections.abc import Sequence

import httpx
import pytest

from workbook.app.api.security import get_client_address
from workbook.app.config import Settings
from workbook.live import LiveApp

LIMIT = 3
PROXY = "10.0.0.7"


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your get_client_address, a search limit of 3 a minute and
    one trusted proxy."""
    dependency = kata.component("client_address").get_client_address
    settings = Settings(rate_limit_search=f"{LIMIT}/minute", trusted_proxies=[PROXY])
    async with await LiveApp.start(settings, overrides={get_client_address: dependency}) as live:
        yield live


async def search(client: httpx.AsyncClient, forwarded_for: str | None = None) -> int:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return (await client.get("/agents/search", params={"q": "scout"}, headers=headers)).status_code


def limited(extra: int) -> list[int]:
    """What a client sending LIMIT + extra requests must get."""
    return [200] * LIMIT + [429] * extra


async def searches(client: httpx.AsyncClient, forwarded_for: Sequence[str | None]) -> list[int]:
    return [await search(client, value) for value in forwarded_for]


async def test_a_client_gets_the_limit_then_429(live: LiveApp):
    async with live.client_from("203.0.113.10") as client:
        codes = await searches(client, [None] * (LIMIT + 1))
    assert codes == limited(1), (
        f"{LIMIT + 1} searches from 203.0.113.10 (limit {LIMIT} a minute): expected {limited(1)}, got {codes}"
    )


async def test_rotating_x_forwarded_for_does_not_reset_the_budget(live: LiveApp):
    rotated = [f"198.51.100.{n}" for n in range(1, LIMIT + 3)]
    async with live.client_from("203.0.113.20") as client:
        codes = await searches(client, rotated)
    assert codes == limited(2), (
        f"{len(rotated)} searches from 203.0.113.20, which is not a trusted proxy, each with "
        f"another made-up X-Forwarded-For ({rotated[0]}, {rotated[1]}, ...): expected "
        f"{limited(2)}, got {codes}. Anyone can write that header: a client that does gets a "
        "fresh budget per request"
    )


async def test_two_clients_have_budgets_of_their_own(live: LiveApp):
    async with live.client_from("203.0.113.30") as first, live.client_from("203.0.113.31") as second:
        first_codes = await searches(first, [None] * (LIMIT + 1))
        second_code = await search(second)
    assert first_codes == limited(1) and second_code == 200, (
        f"203.0.113.30 searched {LIMIT + 1} times ({first_codes}), then 203.0.113.31 once "
        f"({second_code}): expected {limited(1)} then 200; one client's burst must not lock out others"
    )


async def test_clients_behind_the_trusted_proxy_have_budgets_of_their_own(live: LiveApp):
    async with live.client_from(PROXY) as proxy:
        first_codes = await searches(proxy, ["198.51.100.40"] * (LIMIT + 1))
        second_code = await search(proxy, "198.51.100.41")
    assert first_codes == limited(1) and second_code == 200, (
        f"through the trusted proxy {PROXY}: client 198.51.100.40 searched {LIMIT + 1} times "
        f"({first_codes}), then client 198.51.100.41 once ({second_code}); expected {limited(1)} "
        "then 200: the proxy's X-Forwarded-For names the client"
    )


async def test_a_client_behind_the_proxy_cannot_prefix_made_up_addresses(live: LiveApp):
    # The proxy appends the address it saw to whatever X-Forwarded-For the client sent.
    forwarded = [f"192.0.2.{n}, 198.51.100.50" for n in range(1, LIMIT + 3)]
    async with live.client_from(PROXY) as proxy:
        codes = await searches(proxy, forwarded)
    assert codes == limited(2), (
        f"client 198.51.100.50 behind the trusted proxy {PROXY} wrote a made-up address in "
        f"front of its own each time (X-Forwarded-For: {forwarded[0]!r}, ...): expected "
        f"{limited(2)}, got {codes}. Only the address the proxy appended (the rightmost "
        "one not a trusted proxy) is the proxy's word; the rest is the client's"
    )
