"""The app's OAuth login (authorization code + PKCE) against the in-process identity
provider: the happy path end to end, and the callbacks it must refuse."""

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, update

from workbook.app.models import User
from workbook.app.security.pkce import s256_challenge
from workbook.idp import Browser, create_idp, reach_idp, signed_in_callback
from workbook.live import LiveApp

pytestmark = pytest.mark.database

START = "/auth/oauth/start"


@pytest.fixture
def idp() -> FastAPI:
    return create_idp(unverified_emails=frozenset({"unverified@example.com"}))


@pytest.fixture
async def live(idp: FastAPI) -> AsyncIterator[LiveApp]:
    async with await LiveApp.start(overrides=reach_idp(idp)) as live:
        yield live


@pytest.fixture
async def victim(live: LiveApp, idp: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with Browser(live, idp, follow_redirects=False) as browser:
        yield browser


@pytest.fixture
async def attacker(live: LiveApp, idp: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with Browser(live, idp, follow_redirects=False) as browser:
        yield browser


async def follow(browser: httpx.AsyncClient, url: str) -> httpx.Response:
    response = await browser.get(url)
    assert response.status_code == 302, f"GET {url} answered {response.status_code}: {response.text}"
    return response


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def without(url: str, name: str) -> str:
    kept = {key: value for key, value in query(url).items() if key != name}
    return urlsplit(url)._replace(query=httpx.QueryParams(kept).__str__()).geturl()


async def me(live: LiveApp, tokens: dict[str, Any]) -> dict[str, Any]:
    response = await live.client.get("/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert response.status_code == 200, response.text
    return response.json()


async def test_login_through_the_provider_answers_the_apps_tokens_for_that_email(live: LiveApp, idp):
    async with Browser(live, idp) as browser:
        response = await browser.get(START, params={"login_hint": "grace@example.com"})
        assert response.status_code == 200, response.text
        hops = [str(r.url).split("?")[0] for r in response.history]
        assert hops == ["http://live.test/auth/oauth/start", "http://idp.test/authorize"], hops
        assert str(response.url).startswith("http://live.test/auth/oauth/callback?")
        assert "oauth_state" not in browser.cookies, "the state cookie is cleared by the callback"
    tokens = response.json()
    assert (await me(live, tokens))["email"] == "grace@example.com"
    claims = live.app.state.token_service.decode(tokens["refresh_token"], expected_type="refresh")
    assert claims.user_id == (await me(live, tokens))["id"]


async def test_a_second_login_finds_the_same_user_and_an_existing_account_is_reused(live: LiveApp, idp):
    existing = await live.create_user("ada@example.com")
    async with Browser(live, idp) as browser:
        first = (await browser.get(START, params={"login_hint": "ada@example.com"})).json()
        second = (await browser.get(START, params={"login_hint": "ada@example.com"})).json()
    assert (await me(live, first))["id"] == (await me(live, second))["id"] == existing["id"]


async def test_start_binds_the_state_to_the_browser_and_sends_only_the_s256_challenge(live: LiveApp, victim):
    response = await follow(victim, f"{START}?login_hint=ada@example.com")
    authorize = query(response.headers["location"])
    assert authorize["code_challenge_method"] == "S256"
    assert authorize["client_id"] == "workbook"
    assert authorize["redirect_uri"] == "http://live.test/auth/oauth/callback"
    set_cookie = response.headers["set-cookie"]
    assert set_cookie.startswith(f"oauth_state={authorize['state']};"), set_cookie
    for attribute in ("HttpOnly", "SameSite=lax", "Path=/auth/oauth", "Max-Age=600"):
        assert attribute.lower() in set_cookie.lower(), f"{attribute} missing from {set_cookie}"
    pending = live.app.state.pending_logins.take(authorize["state"])
    assert s256_challenge(pending.code_verifier) == authorize["code_challenge"]
    assert pending.code_verifier not in response.headers["location"] + set_cookie


async def test_login_csrf_the_attackers_callback_is_refused_in_a_browser_that_started_its_own_login(
    live: LiveApp, victim, attacker
):
    await follow(victim, f"{START}?login_hint=victim@example.com")  # the victim's own login, pending
    planted = await signed_in_callback(attacker, "attacker@example.com")  # never visited by the attacker
    response = await victim.get(planted)
    assert response.status_code == 401, (
        f"the attacker's code and state, opened in the victim's browser, answered "
        f"{response.status_code}: {response.text} (the victim would be signed in as the attacker)"
    )
    assert "state" in response.json()["detail"]


async def test_login_csrf_the_attackers_callback_is_refused_in_a_browser_with_no_login_started(
    live: LiveApp, victim, attacker
):
    planted = await signed_in_callback(attacker, "attacker@example.com")
    response = await victim.get(planted)
    assert response.status_code == 401, response.text
    async with live.session() as session:
        made = await session.scalar(select(User).where(User.email == "attacker@example.com"))
    assert made is None, "a refused callback made no user"


async def test_a_callback_without_state_is_refused_even_with_the_browsers_own_code(live: LiveApp, victim):
    url = await signed_in_callback(victim, "ada@example.com")
    response = await victim.get(without(url, "state"))
    assert response.status_code == 401, response.text


async def test_a_callback_is_good_once(live: LiveApp, victim):
    url = await signed_in_callback(victim, "ada@example.com")
    cookie = victim.cookies["oauth_state"]
    assert (await victim.get(url)).status_code == 200
    victim.cookies.set("oauth_state", cookie, domain="live.test", path="/auth/oauth")  # as if kept
    replayed = await victim.get(url)
    assert replayed.status_code == 401, f"the same callback twice: {replayed.status_code} {replayed.text}"


async def test_a_login_that_comes_back_too_late_is_refused(live: LiveApp, victim):
    url = await signed_in_callback(victim, "ada@example.com")
    pending = live.app.state.pending_logins
    real_now = pending.now
    pending.now = lambda: real_now() + timedelta(seconds=601)
    try:
        response = await victim.get(url)
    finally:
        pending.now = real_now
    assert response.status_code == 401, response.text


async def test_an_email_the_provider_has_not_verified_is_refused(live: LiveApp, victim):
    await live.create_user("unverified@example.com")
    response = await victim.get(await signed_in_callback(victim, "unverified@example.com"))
    assert response.status_code == 401, response.text
    assert "verified" in response.json()["detail"]


async def test_a_disabled_user_cannot_log_in_through_the_provider(live: LiveApp, victim):
    user = await live.create_user("ada@example.com")
    async with live.session() as session:
        await session.execute(update(User).where(User.id == user["id"]).values(is_active=False))
        await session.commit()
    response = await victim.get(await signed_in_callback(victim, "ada@example.com"))
    assert response.status_code == 401, response.text


async def test_an_error_from_the_provider_is_refused(live: LiveApp, victim):
    to_idp = await follow(victim, f"{START}?login_hint=ada@example.com")
    state = query(to_idp.headers["location"])["state"]
    response = await victim.get("/auth/oauth/callback", params={"error": "access_denied", "state": state})
    assert response.status_code == 401 and "access_denied" in response.text, response.text


async def test_a_user_made_by_the_provider_login_has_no_password(live: LiveApp, idp):
    async with Browser(live, idp) as browser:
        assert (await browser.get(START, params={"login_hint": "new@example.com"})).status_code == 200
    for password in ("!", "correct horse battery"):
        response = await live.client.post("/auth/token", data={"username": "new@example.com", "password": password})
        assert response.status_code == 401, f"password {password!r}: {response.text}"


async def test_the_state_cookie_is_secure_when_the_app_is_served_over_https(live: LiveApp):
    response = await live.client.get("https://live.test/auth/oauth/start")
    assert response.status_code == 302, response.text
    assert "secure" in response.headers["set-cookie"].lower(), response.headers["set-cookie"]
    plain = await live.client.get(START)
    assert "secure" not in plain.headers["set-cookie"].lower(), plain.headers["set-cookie"]
