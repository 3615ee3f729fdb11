"""Kata 07 — the logout that ends nothing.

Your revoke_session is what POST /auth/logout does on the server. Each test logs a user
in, refreshes and logs out through the live app's endpoints, then checks what a client
holding a refresh token can still do: after a logout, no refresh token of that login may
mint new tokens; the user's other logins carry on.
"""

from typing import Any

import pytest

from workbook.app.api.deps import get_session_revoker
from workbook.live import LiveApp
from workbook.testing.answers import Answer, answer


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your revoke_session as what logout does. One app for this
    file's tests; each test makes a user of its own."""
    revoke_session = kata.component("session_revoker").revoke_session
    async with await LiveApp.start(overrides={get_session_revoker: lambda: revoke_session}) as live:
        yield live


@pytest.fixture
async def user(live: LiveApp) -> dict[str, Any]:
    return await live.create_user()


async def refresh(live: LiveApp, refresh_token: str) -> Answer:
    return await answer(live.client, "POST", "/auth/refresh", json={"refresh_token": refresh_token})


async def refreshed(live: LiveApp, refresh_token: str) -> dict[str, Any]:
    """The new pair; the refresh token presented stops working (rotation)."""
    seen = await refresh(live, refresh_token)
    assert seen.status == 200, f"POST /auth/refresh with a live refresh token answered {seen}; expected 200"
    return seen.json()


async def log_out(live: LiveApp, refresh_token: str) -> None:
    seen = await answer(live.client, "POST", "/auth/logout", json={"refresh_token": refresh_token})
    assert seen.status == 204, f"POST /auth/logout answered {seen}; expected 204 No Content"


def told(seen: Answer) -> str:
    """What POST /auth/refresh answered, without the tokens themselves."""
    return "200 and a new token pair" if seen.status == 200 else str(seen)


def still_mints(after: str, seen: Answer) -> str:
    return (
        f"{after} POST /auth/refresh with it answered {told(seen)}. The login "
        f"goes on on the server: whoever holds that refresh token (it lives 7 days) stays "
        f"signed in. Expected 401: logout must end every refresh token of the login."
    ) if seen.status == 200 else f"{after} POST /auth/refresh with it answered {seen}; expected 401"


async def test_after_logout_the_refresh_token_mints_no_new_tokens(live: LiveApp, user):
    pair = await live.login(user)
    await log_out(live, pair["refresh_token"])
    seen = await refresh(live, pair["refresh_token"])
    status = seen.status
    assert status == 401, still_mints("After POST /auth/logout with a refresh token,", seen)


async def test_logout_from_a_tab_with_an_older_token_ends_the_whole_login(live: LiveApp, user):
    # Two tabs of one login: tab B refreshed, tab A still holds the token from before and
    # logs out with it. The login is over for both.
    tab_a = await live.login(user)
    tab_b = await refreshed(live, tab_a["refresh_token"])
    await log_out(live, tab_a["refresh_token"])
    seen = await refresh(live, tab_b["refresh_token"])
    status = seen.status
    assert status == 401, still_mints(
        "Tabs A and B share one login: tab B refreshed, then tab A logged out with the older "
        "refresh token it still held. Tab B's newer refresh token was tried next, and",
        seen,
    )


async def test_logout_leaves_the_users_other_logins_alone(live: LiveApp, user):
    laptop = await live.login(user)
    phone = await live.login(user)
    await log_out(live, laptop["refresh_token"])
    seen = await refresh(live, phone["refresh_token"])
    assert seen.status == 200, (
        f"The user logged in on a laptop and a phone, then logged out on the laptop; POST "
        f"/auth/refresh with the phone's refresh token answered {seen}. Expected 200: a "
        f"logout ends the login it was made in, not every login of the user."
    )
