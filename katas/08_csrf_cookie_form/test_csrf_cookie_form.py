"""Kata 08 — the form any site can post.

Your CsrfProtection guards the status form of the app's cookie-authenticated page. Each
test signs a victim in (POST /web/session sets the session cookie), then posts
POST /web/agents/{id}/status with that cookie, as a browser does whichever page sends the
form: forged on another site (no token, or the attacker's own), or sent by the app's own
page (its token read from GET /web/agents).
"""

from itertools import count
from typing import Any

import pytest

from workbook.app.api.security import get_csrf_protection
from workbook.app.models import Agent
from workbook.live import LiveApp
from workbook.testing.answers import crashes_told_once
from workbook.testing.attacks import form_token, post_status, session_cookie

OWN_ORIGIN = "http://live.test"  # the live app's base URL
ATTACKER = "https://evil.example"


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your CsrfProtection (made with the app's secret) guarding
    its forms. One app and one signed-in victim for this file's tests; each test posts
    to an agent of its own."""
    protection_class = kata.component("csrf_protection").CsrfProtection
    async with await LiveApp.start() as live:
        protection = protection_class(live.app.state.settings.csrf_secret.get_secret_value())
        live.app.dependency_overrides[get_csrf_protection] = lambda: protection
        with crashes_told_once():
            yield live


async def agent_of(live: LiveApp, user: dict[str, Any]) -> int:
    """A new agent of ``user``'s, status "running" (straight into the table)."""
    async with live.session() as session:
        agent = Agent(owner_id=user["id"], name=f"agent {next(NUMBERS)}", status="running")
        session.add(agent)
        await session.commit()
        return agent.id


NUMBERS = count(1)  # names are unique per owner


@pytest.fixture(scope="module")
async def signed_in(live: LiveApp) -> dict[str, Any]:
    """The victim: a user signed in through the sign-in form (session cookie), and the
    CSRF token the app's page gives their forms (read from GET /web/agents)."""
    user = await live.create_user()
    await agent_of(live, user)  # so that their page has a form, with a token
    cookie = await session_cookie(live, user)
    return {"user": user, "cookie": cookie, "token": await form_token(live, cookie)}


@pytest.fixture
async def victim(live: LiveApp, signed_in) -> dict[str, Any]:
    """The victim's session, and an agent of theirs of this test's own, "running"."""
    return {**signed_in, "agent_id": await agent_of(live, signed_in["user"])}


async def status_of(live: LiveApp, agent_id: int) -> str:
    """The agent's status as the database holds it (read in a session of its own)."""
    async with live.session() as session:
        return (await session.get(Agent, agent_id)).status


async def assert_forgery_refused(live: LiveApp, victim, *, token: str | None, origin: str | None, what: str) -> None:
    try:
        response = await post_status(live, victim["agent_id"], victim["cookie"], token=token, origin=origin)
        status, seen = response.status_code, " ".join(filter(None, [str(response.status_code), response.text]))
    except Exception as exc:  # raised inside the app
        status, seen = 500, f"500 (the app raised {type(exc).__name__}: {exc})"
    now = await status_of(live, victim["agent_id"])
    refused = status == 403 and now == "running"
    assert refused, (
        f"POST /web/agents/{victim['agent_id']}/status (status=archived) with the victim's session "
        f"cookie and {what} answered {seen}; the agent's status is now {now!r}. Expected 403 "
        f"and 'running' unchanged: only a form from the app's own page, carrying this session's "
        f"token, may change anything."
    )


async def test_a_cross_site_post_with_the_victims_cookie_is_refused(live, victim):
    await assert_forgery_refused(
        live, victim, token=None, origin=ATTACKER, what=f"Origin: {ATTACKER} and no csrf_token (a form on another site)"
    )


async def test_a_post_without_origin_or_token_is_refused(live, victim):
    """Some requests carry no Origin header (older browsers, some privacy tools): the
    missing token must refuse them on its own."""
    await assert_forgery_refused(live, victim, token=None, origin=None, what="no Origin header and no csrf_token")


async def test_a_token_from_the_attackers_own_session_is_refused(live, victim):
    """The attacker signs in as themselves and copies the token from their own page."""
    attacker = await live.create_user()
    await agent_of(live, attacker)  # so that their page has a form, with a token
    attackers_token = await form_token(live, await session_cookie(live, attacker))
    await assert_forgery_refused(
        live, victim, token=attackers_token, origin=None,
        what="the csrf_token of the attacker's own session (and no Origin header)",
    )  # fmt: skip


async def test_the_right_token_from_another_sites_page_is_refused(live, victim):
    """A token can leak; the browser's Origin header is the second, independent check."""
    await assert_forgery_refused(
        live, victim, token=victim["token"], origin=ATTACKER, what=f"the session's own csrf_token but Origin: {ATTACKER}"
    )


@pytest.mark.parametrize("origin", [OWN_ORIGIN, None], ids=["with its Origin", "without Origin"])
async def test_the_pages_own_form_is_accepted(live, victim, origin):
    token = victim["token"]
    assert token != victim["cookie"], (
        "the page's csrf_token is the session cookie itself: the page would hand the HttpOnly "
        "session to anything that reads its HTML. The token must be derived from the session, "
        "not be it."
    )
    response = await post_status(live, victim["agent_id"], victim["cookie"], token=token, origin=origin)
    now = await status_of(live, victim["agent_id"])
    assert response.status_code == 303 and now == "archived", (
        f"the page's own form (its csrf_token, Origin: {origin}) answered {response.status_code} "
        f"{response.text}; the agent's status is {now!r}. Expected 303 and 'archived': the app's own "
        "forms must keep working."
    )
