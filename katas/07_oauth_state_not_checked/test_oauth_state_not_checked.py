"""Kata 07 — the OAuth callback that ignores state.

The app runs with your callback and an identity provider beside it, in-process. Browsers
here are httpx clients with their own cookies, reaching both. An attacker starts a login in
their own browser, signs in at the provider as themselves, and stops before the callback:
that URL (their code, their state) is what they plant in the victim's browser.
"""

import httpx
import pytest

from workbook.idp import START_PATH, Browser, create_idp, reach_idp, signed_in_callback
from workbook.live import LiveApp


@pytest.fixture(scope="module")
def idp():
    return create_idp()


@pytest.fixture(scope="module")
async def live(kata, idp):
    """The reference app with your router ahead of its own, reaching the provider
    in-process. One app for this file's tests; each test uses fresh browsers and emails."""
    router = kata.component("oauth_callback").router
    async with await LiveApp.start(routers=[router], overrides=reach_idp(idp)) as live:
        yield live


@pytest.fixture
async def victim(live, idp):
    async with Browser(live, idp) as browser:
        yield browser


@pytest.fixture
async def attacker(live, idp):
    async with Browser(live, idp) as browser:
        yield browser


async def signed_in_as(live: LiveApp, body: dict) -> str:
    response = await live.client.get("/users/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    return response.json().get("email", "?")


async def planted_login(live: LiveApp, victim, attacker, attacker_email: str) -> tuple[int, str]:
    """The attacker's callback URL opened in the victim's browser: its status, and what it did."""
    planted = await signed_in_callback(attacker, attacker_email)
    response = await victim.get(planted)
    if response.status_code == 200:
        who = await signed_in_as(live, response.json())
        seen = f"200 with the app's tokens for {who}: the victim is now signed in as the attacker"
    else:
        seen = f"{response.status_code} {response.text}"
    return response.status_code, seen


async def test_a_login_through_the_provider_works(live, victim):
    response = await victim.get(START_PATH, params={"login_hint": "grace@example.com"})
    assert response.status_code == 200, (
        f"a browser that started the login and signed in at the provider came back to your "
        f"callback with the state it was given, and got {response.status_code}: {response.text}. "
        f"Expected 200 with the app's tokens."
    )
    assert await signed_in_as(live, response.json()) == "grace@example.com"


async def test_an_attackers_callback_is_refused_in_a_browser_that_started_its_own_login(live, victim, attacker):
    await victim.get(START_PATH, params={"login_hint": "victim1@example.com"}, follow_redirects=False)
    status, seen = await planted_login(live, victim, attacker, "attacker1@example.com")
    assert status == 401, (
        f"login CSRF: the attacker's callback URL (their code and their state), opened in the "
        f"victim's browser (which had started a login of its own), answered {seen}. Expected 401: "
        f"that state is not the one this browser was given."
    )


async def test_an_attackers_callback_is_refused_in_a_browser_that_started_no_login(live, victim, attacker):
    status, seen = await planted_login(live, victim, attacker, "attacker2@example.com")
    assert status == 401, (
        f"login CSRF: the attacker's callback URL, opened in a browser that never started a "
        f"login (it has no state at all), answered {seen}. Expected 401."
    )


async def test_a_callback_without_state_is_refused(live, victim):
    planted = await signed_in_callback(victim, "nostate@example.com")
    response = await victim.get(httpx.URL(planted).copy_remove_param("state"))
    assert response.status_code == 401, (
        f"a callback with a code but no state answered {response.status_code}: {response.text}. Expected 401."
    )
