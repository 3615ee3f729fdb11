"""Kata 06 — the client that never leaves.

Your router replaces the app's /ws/rooms/{room}. Each test joins a room of its own through
your endpoint, as a browser would (in-process: no server, no port), leaves it, and asks the
app who is still there (GET /rooms/{room}). When a test's client leaves, your endpoint has
finished handling that by the time the test goes on.
"""

import pytest

from workbook.live import LiveApp
from workbook.testing.rooms import Member, connected_count, room_client, sign_up


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your router included ahead of its own. One app for this
    file's tests; each test uses a room of its own."""
    async with await LiveApp.start(routers=[kata.component("room_socket").router]) as live:
        yield live


@pytest.fixture(scope="module")
async def member(live: LiveApp) -> Member:
    return await sign_up(live)


def still_counted(what: str, room: str, counted: int, expected: int) -> str:
    return (
        f"{what}; then GET /rooms/{room} counted {counted} connected, expected {expected}. "
        f"The room still holds the socket of a client that has gone."
    )


async def test_a_client_that_leaves_is_no_longer_counted(live: LiveApp, member: Member):
    async with room_client(live, "leave-alone", member.token, who="ada"):
        joined = await connected_count(live, "leave-alone", member.headers)
    assert joined == 1, f"ada joined leave-alone, and GET /rooms/leave-alone counted {joined}, expected 1"
    left = await connected_count(live, "leave-alone", member.headers)
    assert left == 0, still_counted("ada joined leave-alone and left (closed her socket)", "leave-alone", left, 0)


async def test_when_one_of_two_leaves_the_other_is_still_counted(live: LiveApp, member: Member):
    async with room_client(live, "one-leaves", member.token, who="ada"):
        async with room_client(live, "one-leaves", member.token, who="bob"):
            pass
        counted = await connected_count(live, "one-leaves", member.headers)
    assert counted == 1, still_counted("ada and bob joined one-leaves, bob left", "one-leaves", counted, 1)


async def test_clients_that_come_and_go_are_not_piling_up(live: LiveApp, member: Member):
    for visit in range(3):
        async with room_client(live, "revolving", member.token, who=f"visitor {visit + 1}") as visitor:
            await visitor.say("hello")  # a visit that chats before leaving
            await visitor.receive()
    counted = await connected_count(live, "revolving", member.headers)
    assert counted == 0, still_counted("three visitors joined revolving one after another, each said hello and left", "revolving", counted, 0)


async def test_a_member_who_stays_still_chats_after_another_left(live: LiveApp, member: Member):
    async with room_client(live, "chatting", member.token, who="ada") as ada:
        async with room_client(live, "chatting", member.token, who="bob"):
            pass
        await ada.say("anyone?")
        got = await ada.receive()
    expected = {"user_id": member.user["id"], "text": "anyone?"}
    assert got == expected, f"after bob left chatting, ada said 'anyone?' and received {got}; expected {expected}"
