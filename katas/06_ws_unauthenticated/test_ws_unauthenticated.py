"""Kata 06 — the room that lets anyone in.

Your router replaces the app's /ws/rooms/{room}. Each test opens a WebSocket to it as a
browser would (in-process: no server, no port), with or without a valid access token in
``?token=``, and reports what the client saw of the handshake: refused (with which close
code), answered with HTTP, or accepted (the connection opened).
"""

import pytest

from workbook.live import LiveApp
from workbook.testing.rooms import Member, room_client, room_path, sign_up, try_handshake

POLICY_VIOLATION = 1008


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your router included ahead of its own. One app for this
    file's tests; each test uses a room of its own."""
    async with await LiveApp.start(routers=[kata.component("room_socket").router]) as live:
        yield live


@pytest.fixture(scope="module")
async def member(live: LiveApp) -> Member:
    return await sign_up(live)


@pytest.mark.parametrize(
    ("case", "token"),
    [
        ("no token at all", None),
        ("a token that is not a JWT", "not-a-jwt"),
        ("a refresh token instead of an access token", "refresh"),
    ],
)
async def test_a_handshake_without_a_valid_access_token_is_refused(live: LiveApp, member: Member, case, token):
    if token == "refresh":
        token = (await live.login(member.user))["refresh_token"]
    outcome = await try_handshake(live, room_path("private", token))
    assert not outcome.accepted and outcome.close_code == POLICY_VIOLATION, (
        f"a client with {case} tried to join /ws/rooms/private: {outcome}. Expected the handshake "
        f"refused with close code {POLICY_VIOLATION} (policy violation), so that the "
        f"connection never opens: whoever knows a room's name must not be able to listen in."
    )


async def test_a_signed_in_user_joins_and_chats(live: LiveApp, member: Member):
    async with room_client(live, "members", member.token, who="ada (signed in)") as ada:
        await ada.say("hello")
        got = await ada.receive()
    expected = {"user_id": member.user["id"], "text": "hello"}
    assert got == expected, (
        f"ada joined room members with her access token and said 'hello'; she received {got}, "
        f"expected {expected} (her message, with her user id)"
    )
