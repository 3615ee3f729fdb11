"""Kata 06 — one leaves, everyone is gone.

Your ConnectionManager runs inside the live app: the app's room endpoint connects clients
through it and calls its disconnect when a client leaves; the broker calls its broadcast for
every chat message. Each test opens a room of its own, where clients join, chat and leave
through the app, as browsers would (in-process: no server, no port). When a client leaves,
the endpoint has called your disconnect by the time the test goes on.
"""

import pytest

from workbook.live import LiveApp
from workbook.testing.brokers import DeliveryCountingBroker
from workbook.testing.rooms import Member, RoomClient, connected_count, room_client, sign_up

BROKER = DeliveryCountingBroker()


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your ConnectionManager in place of its own. One app for this
    file's tests; each test uses a room of its own."""
    manager = kata.component("connection_manager").ConnectionManager()
    async with await LiveApp.start(connection_manager=manager, broker=BROKER) as live:
        yield live


@pytest.fixture(scope="module")
async def member(live: LiveApp) -> Member:
    return await sign_up(live)


async def chat(speaker: RoomClient, text: str) -> None:
    """``speaker`` says ``text``; return once the broadcast of it has returned."""
    before = BROKER.delivered
    await speaker.say(text)
    await BROKER.wait_delivered(before + 1)


async def test_when_one_of_two_leaves_the_other_still_receives(live: LiveApp, member: Member):
    async with room_client(live, "pair", member.token, who="ada") as ada:
        async with room_client(live, "pair", member.token, who="bob"):
            pass
        await chat(ada, "anyone?")
        got = await ada.received_so_far()
    expected = [{"user_id": member.user["id"], "text": "anyone?"}]
    assert got == expected, (
        f"ada and bob joined room pair, bob left, then ada said 'anyone?'. Ada received {got}; "
        f"expected {expected} (a room's messages reach everyone in it, the sender too). Bob "
        f"leaving cut off ada, who never left."
    )


async def test_when_one_of_two_leaves_the_other_is_still_counted(live: LiveApp, member: Member):
    async with room_client(live, "headcount", member.token, who="ada"):
        async with room_client(live, "headcount", member.token, who="bob"):
            pass
        counted = await connected_count(live, "headcount", member.headers)
    assert counted == 1, (
        f"ada and bob joined room headcount, bob left; then GET /rooms/headcount counted "
        f"{counted} connected, expected 1 (ada is still there)"
    )


async def test_a_newcomer_reaches_those_who_stayed(live: LiveApp, member: Member):
    async with room_client(live, "newcomer", member.token, who="ada") as ada:
        async with room_client(live, "newcomer", member.token, who="bob"):
            pass
        async with room_client(live, "newcomer", member.token, who="carol") as carol:
            await chat(carol, "hi, I'm new")
            got = await ada.received_so_far()
    expected = [{"user_id": member.user["id"], "text": "hi, I'm new"}]
    assert got == expected, (
        f"ada and bob joined room newcomer, bob left, carol joined and said 'hi, I'm new'. "
        f"Ada, who never left, received {got}; expected {expected}"
    )


async def test_the_last_client_leaving_empties_the_room(live: LiveApp, member: Member):
    async with room_client(live, "emptied", member.token, who="ada"):
        async with room_client(live, "emptied", member.token, who="bob"):
            pass
    counted = await connected_count(live, "emptied", member.headers)
    assert counted == 0, (
        f"ada and bob joined room emptied and both left; GET /rooms/emptied counted {counted} "
        f"connected, expected 0"
    )
