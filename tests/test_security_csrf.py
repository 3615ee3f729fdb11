"""CSRF: the cookie-authenticated form action refuses a cross-site post and accepts the
page's own.

Why only the cookie-authenticated pages need this: a browser attaches cookies to every
request to their site, whichever page sends it, so a form on an attacker's page posts with
the victim's session. The JSON API authenticates with `Authorization: Bearer`, a header no
browser adds by itself: the token sits in the client application's memory, another site's
page cannot read it (same-origin policy), and a cross-site script that wanted to set the
header would need a CORS preflight that the API refuses to unlisted origins. A forged
request therefore arrives without credentials and gets a 401 (last test below).
"""

from typing import Any

import pytest

from workbook.app.api.security import SESSION_COOKIE
from workbook.live import DEMO_PASSWORD, LiveApp
from workbook.testing.attacks import form_token, post_status, session_cookie

pytestmark = pytest.mark.database

OWN_ORIGIN = "http://live.test"  # LiveApp's base URL
ATTACKER = "https://evil.example"


async def status_of(live: LiveApp, agent_id: int) -> str:
    return (await live.client.get(f"/agents/{agent_id}")).json()["status"]


@pytest.fixture
async def victim(live: LiveApp) -> dict[str, Any]:
    """A signed-in user (session cookie) with one agent, status "running"."""
    user = await live.create_user()
    agent = await live.create_agent(user["id"], status="running")
    return {"agent_id": agent["id"], "cookie": await session_cookie(live, user)}


async def test_a_cross_site_post_with_the_cookie_is_refused(live: LiveApp, victim):
    response = await post_status(live, victim["agent_id"], victim["cookie"], token=None, origin=ATTACKER)
    assert response.status_code == 403, f"a cross-site form post with the victim's cookie: got {response.status_code}"
    assert await status_of(live, victim["agent_id"]) == "running", "the forged post changed the agent"


async def test_without_an_origin_header_the_missing_token_still_refuses_it(live: LiveApp, victim):
    response = await post_status(live, victim["agent_id"], victim["cookie"], token=None, origin=None)
    assert response.status_code == 403, response.text
    assert "CSRF token" in response.json()["detail"], response.text
    assert await status_of(live, victim["agent_id"]) == "running"


async def test_a_token_from_the_attackers_own_session_is_refused(live: LiveApp, victim):
    attacker = await live.create_user()
    await live.create_agent(attacker["id"])  # so that their page has a form, with a token
    attackers_token = await form_token(live, await session_cookie(live, attacker))
    response = await post_status(live, victim["agent_id"], victim["cookie"], token=attackers_token, origin=None)
    assert response.status_code == 403, "a CSRF token must be bound to the session it was issued for"
    assert await status_of(live, victim["agent_id"]) == "running"


async def test_the_right_token_from_a_foreign_origin_is_refused(live: LiveApp, victim):
    token = await form_token(live, victim["cookie"])
    response = await post_status(live, victim["agent_id"], victim["cookie"], token=token, origin=ATTACKER)
    assert response.status_code == 403, response.text
    assert "another site" in response.json()["detail"], response.text


@pytest.mark.parametrize("origin", [OWN_ORIGIN, None], ids=["with its Origin", "without Origin"])
async def test_the_pages_own_form_with_its_token_is_accepted(live: LiveApp, victim, origin):
    token = await form_token(live, victim["cookie"])
    response = await post_status(live, victim["agent_id"], victim["cookie"], token=token, origin=origin)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/web/agents"
    assert await status_of(live, victim["agent_id"]) == "archived"


async def test_the_form_needs_a_session(live: LiveApp, victim):
    response = await live.client.post(f"/web/agents/{victim['agent_id']}/status", data={"status": "idle"})
    assert response.status_code == 401, response.text


async def test_the_form_changes_only_the_users_own_agents(live: LiveApp, victim):
    intruder = await live.create_user()
    await live.create_agent(intruder["id"])
    cookie = await session_cookie(live, intruder)
    token = await form_token(live, cookie)
    response = await post_status(live, victim["agent_id"], cookie, token=token, origin=OWN_ORIGIN)
    assert response.status_code == 403, response.text
    assert await status_of(live, victim["agent_id"]) == "running"


async def test_the_session_cookie_is_http_only_same_site_and_secure(live: LiveApp):
    user = await live.create_user()
    response = await live.client.post("/web/session", data={"username": user["email"], "password": DEMO_PASSWORD})
    assert response.status_code == 303, response.text
    attributes = {part.strip().split("=")[0].lower() for part in response.headers["set-cookie"].split(";")[1:]}
    assert {"httponly", "secure", "samesite", "path", "max-age"} <= attributes, response.headers["set-cookie"]
    assert "samesite=lax" in response.headers["set-cookie"].lower(), response.headers["set-cookie"]


async def test_signing_in_from_another_sites_page_is_refused(live: LiveApp):
    """Login CSRF: a foreign page could sign the victim in as the attacker."""
    user = await live.create_user()
    response = await live.client.post(
        "/web/session", data={"username": user["email"], "password": DEMO_PASSWORD}, headers={"Origin": ATTACKER}
    )
    assert response.status_code == 403, response.text
    assert "set-cookie" not in response.headers


async def test_the_bearer_api_ignores_the_cookie_so_a_forged_post_has_no_credentials(live: LiveApp, victim):
    response = await live.client.post(
        "/agents",
        json={"name": "Planted"},
        headers={"Cookie": f"{SESSION_COOKIE}={victim['cookie']}", "Origin": ATTACKER},
    )
    assert response.status_code == 401, f"the JSON API must not accept the pages' cookie: {response.status_code}"
    names = [agent["name"] for agent in (await live.client.get("/agents")).json()]
    assert "Planted" not in names, names
