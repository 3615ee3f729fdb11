"""Kata 07 — the token nobody checked.

Your get_current_user guards every protected route of the live app. Each test calls
GET /users/me as a client would, with a token the app issued or one an attacker made:
signed with another key, edited after signing, not signed at all, run out, or signed in
an algorithm of the attacker's choosing. Only the app's own, current access tokens may
open the route.
"""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.security.tokens import TokenService
from workbook.live import LiveApp
from workbook.testing.answers import Answer, assert_me_refused, get_me
from workbook.testing.tokens import OTHER_SECRET, access_claims, app_key, forge, unsigned, with_payload


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your get_current_user as its auth dependency. One app for
    this file's tests; each test makes users of its own."""
    dependency = kata.component("current_user").get_current_user
    async with await LiveApp.start(overrides={get_current_user: dependency}) as live:
        yield live


@pytest.fixture
async def user(live: LiveApp) -> dict[str, Any]:
    return await live.create_user()


NOT_PROOF = "only a token the app signed itself, and that has not expired, proves who is calling"


def assert_refused(seen: Answer, what: str, user: dict[str, Any], why: str = NOT_PROOF) -> None:
    assert_me_refused(seen, what, user, why)


async def test_an_access_token_the_app_issued_opens_the_route(live: LiveApp, user):
    token = (await live.login(user))["access_token"]
    seen = await get_me(live.client, token)
    assert seen.status == 200 and seen.json()["id"] == user["id"], (
        f"GET /users/me with the access token POST /auth/token just issued answered {seen}; "
        f"expected 200 with user {user['id']}: the app's own tokens must still work"
    )


async def test_a_token_signed_with_another_key_is_refused(live: LiveApp, user):
    # Everything right but the key: anyone can make this one, with any user id.
    token = forge(access_claims(user["id"]), OTHER_SECRET)
    assert_refused(await get_me(live.client, token), "a token signed with a key the app does not have", user)


async def test_a_token_edited_after_signing_is_refused(live: LiveApp, user):
    # The attacker logs in as themselves, then writes the victim's id into their token.
    attacker = await live.create_user()
    own = (await live.login(attacker))["access_token"]
    edited = with_payload(own, {**access_claims(attacker["id"]), "sub": str(user["id"])})
    assert_refused(
        await get_me(live.client, edited),
        f"the attacker's own token, its sub changed to user {user['id']} (signature kept)",
        user,
    )


async def test_an_unsigned_token_is_refused(live: LiveApp, user):
    token = unsigned(access_claims(user["id"]))  # header {"alg": "none"}, no signature
    assert_refused(await get_me(live.client, token), 'an unsigned token (header {"alg": "none"})', user)


async def test_an_expired_access_token_is_refused(live: LiveApp, user):
    # Issued by the app itself, an hour ago: it lived 15 minutes.
    an_hour_ago = TokenService.from_settings(
        live.app.state.settings, now=lambda: datetime.now(UTC) - timedelta(hours=1)
    )
    token = an_hour_ago.issue_access(user_id=user["id"]).token
    assert_refused(
        await get_me(live.client, token),
        "an access token the app issued an hour ago (it lives 15 minutes)",
        user,
    )


@pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
async def test_a_token_in_an_algorithm_the_app_does_not_use_is_refused(live: LiveApp, user, algorithm: str):
    """The app signs with HS256 only. This token is signed with the app's own key, so it is
    not a forgery in itself; it shows who picks the algorithm. When the token's header picks
    it, the server runs whatever verification the sender names: PyJWT 2.15 refuses the
    known abuses of that ("none" never verifies, an RSA public key is refused as an HMAC
    key), and this test is where code that lets the header choose shows itself."""
    token = forge(access_claims(user["id"]), app_key(live), algorithm)
    assert_refused(
        await get_me(live.client, token),
        f'a token whose header says {{"alg": "{algorithm}"}} (signed with the app\'s key, '
        f"in an algorithm the app never uses)",
        user,
        "the server decides how its tokens are verified (HS256 here), not the token's header",
    )


async def test_a_refresh_token_is_refused(live: LiveApp, user):
    token = (await live.login(user))["refresh_token"]
    assert_refused(
        await get_me(live.client, token),
        "a refresh token (it lives 7 days)",
        user,
        "a refresh token is for POST /auth/refresh only; routes take access tokens (15 minutes)",
    )
