"""Kata 06 — one dead client silences the room.

Your ConnectionManager runs inside the live app: the app's room endpoint connects clients
through it, and the broker calls its broadcast for every chat message. Each test opens a
room of its own with one client that has gone without a word (a dropped connection: no close
frame, so the server still holds its socket, and a send to it raises), then real clients
join and chat through the app.

In-process a client that leaves is noticed at once, so the gone client is a stand-in socket
(``workbook.testing.sockets.GoneClient``) put in the room through your ``connect``, before the
others: the case where a broadcast meets it first.
"""

import pytest
from starlette.websockets import WebSocketDisconnected

from workbook.live import LiveApp
from workbook.testing.brokers import DeliveryCountingBroker
from workbook.testing.rooms import Member, RoomClient, connected_count, room_client, sign_up
from workbook.testing.sockets import GoneClient

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


async def with_gone_client(live: LiveApp, room: str, gone: GoneClient) -> None:
    await live.app.state.connection_manager.connect(room, gone)


async def chat(speaker: RoomClient, text: str) -> None:
    """``speaker`` says ``text``; return once the broadcast of it has returned."""
    before = BROKER.delivered
    await speaker.say(text)
    await BROKER.wait_delivered(before + 1)


async def test_live_clients_receive_a_message_when_one_client_has_gone(live: LiveApp, member: Member):
    await with_gone_client(live, "dropped", GoneClient("a client whose connection dropped"))
    async with room_client(live, "dropped", member.token, who="ada") as ada, room_client(
        live, "dropped", member.token, who="bob"
    ) as bob:
        await chat(ada, "hello")
        got = {"ada": await ada.received_so_far(), "bob": await bob.received_so_far()}
    hello = {"user_id": member.user["id"], "text": "hello"}
    assert got == {"ada": [hello], "bob": [hello]}, (
        f"room dropped held ada, bob and one client whose connection had dropped (a send to it "
        f"raises WebSocketDisconnect). Ada said 'hello'; once the broadcast had returned, ada "
        f"had received {got['ada']} and bob {got['bob']}; expected both to get it. One dead "
        f"socket kept the message from clients who are still there."
    )


async def test_a_client_that_has_gone_is_removed_from_the_room(live: LiveApp, member: Member):
    await with_gone_client(live, "pruned", GoneClient("a client whose connection dropped"))
    async with room_client(live, "pruned", member.token, who="ada") as ada, room_client(
        live, "pruned", member.token, who="bob"
    ):
        await chat(ada, "hello")
        counted = await connected_count(live, "pruned", member.headers)
    assert counted == 2, (
        f"room pruned held ada, bob and one client whose connection had dropped. After a "
        f"broadcast found that its send raises, GET /rooms/pruned counted {counted} connected; "
        f"expected 2. A socket that has been found dead is still in the room, and every later "
        f"broadcast will try it again."
    )


async def test_a_socket_closed_by_the_server_does_not_stop_the_others(live: LiveApp, member: Member):
    closed = GoneClient(
        "a socket the server had closed",
        error=WebSocketDisconnected('Cannot call "send" once a close message has been sent.'),
    )
    await with_gone_client(live, "kicked", closed)
    async with room_client(live, "kicked", member.token, who="ada") as ada, room_client(
        live, "kicked", member.token, who="bob"
    ) as bob:
        await chat(ada, "still here?")
        got = {"ada": await ada.received_so_far(), "bob": await bob.received_so_far()}
    message = {"user_id": member.user["id"], "text": "still here?"}
    assert got == {"ada": [message], "bob": [message]}, (
        f"room kicked held ada, bob and a socket the server had already closed (a send to it "
        f"raises Starlette's WebSocketDisconnected, a RuntimeError: 'Cannot call \"send\" once "
        f"a close message has been sent.'). Ada said 'still here?'; ada received {got['ada']} "
        f"and bob {got['bob']}; expected both to get it."
    )


async def test_every_message_reaches_everyone_in_a_healthy_room(live: LiveApp, member: Member):
    async with room_client(live, "healthy", member.token, who="ada") as ada, room_client(
        live, "healthy", member.token, who="bob"
    ) as bob:
        for text in ("one", "two", "three"):
            await chat(ada, text)
        got = {"ada": await ada.received_so_far(), "bob": await bob.received_so_far()}
    sent = [{"user_id": member.user["id"], "text": text} for text in ("one", "two", "three")]
    assert got == {"ada": sent, "bob": sent}, (
        f"in room healthy, ada said 'one', 'two', 'three'; ada received {got['ada']} and bob "
        f"{got['bob']}; expected each to get all three, in order"
    )
