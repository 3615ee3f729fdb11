"""Kata 07 — the refresh token that opens every door.

Your get_current_user guards every protected route of the live app. Each test calls
GET /users/me as a client would: with the access token POST /auth/token issued, with the
refresh token issued beside it, and with tokens of other kinds signed with the app's key.
Only access tokens may open the route.
"""

from typing import Any

import pytest

from workbook.app.api.deps import get_current_user
from workbook.live import LiveApp
from workbook.testing.answers import assert_me_refused, get_me
from workbook.testing.tokens import access_claims, app_key, forge


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your get_current_user as its auth dependency. One app for
    this file's tests; each test makes a user of its own."""
    dependency = kata.component("current_user").get_current_user
    async with await LiveApp.start(overrides={get_current_user: dependency}) as live:
        yield live


@pytest.fixture
async def user(live: LiveApp) -> dict[str, Any]:
    return await live.create_user()


ONLY_ACCESS = "routes take access tokens, and only those"


async def test_an_access_token_opens_the_route(live: LiveApp, user):
    token = (await live.login(user))["access_token"]
    seen = await get_me(live.client, token)
    assert seen.status == 200 and seen.json()["id"] == user["id"], (
        f"GET /users/me with the access token POST /auth/token just issued answered {seen}; "
        f"expected 200 with user {user['id']}"
    )


async def test_a_refresh_token_does_not_open_the_route(live: LiveApp, user):
    token = (await live.login(user))["refresh_token"]
    assert_me_refused(
        await get_me(live.client, token),
        "the refresh token POST /auth/token issued",
        user,
        "a refresh token lives 7 days and is meant for POST /auth/refresh alone; a route "
        "must take access tokens (15 minutes) only",
    )


async def test_a_token_of_a_kind_the_app_does_not_expect_is_refused(live: LiveApp, user):
    # The key that signs access tokens often signs other things too: a password-reset
    # link, an email confirmation, an invitation. None of them is a way in.
    token = forge({**access_claims(user["id"]), "type": "password_reset"}, app_key(live))
    assert_me_refused(
        await get_me(live.client, token),
        'a token signed with the app\'s key whose type is "password_reset"',
        user,
        f"{ONLY_ACCESS}: a check that names what to refuse lets in every kind it did not name",
    )


async def test_a_token_without_a_type_is_refused(live: LiveApp, user):
    # What tokens looked like before the type claim was added, or what another tool that
    # shares the key writes.
    claims = access_claims(user["id"])
    del claims["type"]
    assert_me_refused(
        await get_me(live.client, forge(claims, app_key(live))),
        "a token signed with the app's key that has no type claim",
        user,
        f"{ONLY_ACCESS}: a token that does not say it is one is not one",
    )
