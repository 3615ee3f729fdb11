"""Chat rooms over WebSocket: handshake authentication (1008), broadcast to the room, and
delivery across two app instances sharing one broker."""

import pytest
from httpx_ws import WebSocketDisconnect

from workbook.app.realtime import InMemoryBroker
from workbook.live import DEMO_PASSWORD, LiveApp

pytestmark = pytest.mark.database


async def access_token(live: LiveApp) -> dict:
    user = await live.create_user()
    response = await live.client.post("/auth/token", data={"username": user["email"], "password": DEMO_PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()


async def refusal(live: LiveApp, path: str) -> tuple[int, str]:
    """Try to open ``path``; return the close code and reason the server answered with."""
    closed: list[WebSocketDisconnect] = []
    try:
        async with live.websocket(path):
            pass
    except* WebSocketDisconnect as group:  # httpx-ws raises it from inside a task group
        closed.extend(group.exceptions)
    assert closed, f"the handshake for {path} was accepted; expected it closed with 1008"
    return closed[0].code, closed[0].reason


async def test_members_of_a_room_all_receive_a_message(live):
    token = (await access_token(live))["access_token"]
    path = f"/ws/rooms/lobby?token={token}"
    async with live.websocket(path) as ada, live.websocket(path) as bob:
        await ada.send_json({"text": "hello"})
        got = [await ada.receive_json(), await bob.receive_json()]
    assert got == [{"user_id": 1, "text": "hello"}] * 2, f"sender and member received {got}"


@pytest.mark.parametrize(
    ("case", "query"), [("no token", ""), ("garbage", "?token=not-a-jwt"), ("refresh token", "?token={refresh}")]
)
async def test_a_handshake_without_a_valid_access_token_is_closed_with_1008(live, case, query):
    tokens = await access_token(live)
    path = "/ws/rooms/lobby" + query.format(refresh=tokens["refresh_token"])
    code, reason = await refusal(live, path)
    assert (code, reason) == (1008, "invalid or missing token"), f"{case}: closed with {code} {reason!r}"


async def test_a_malformed_message_gets_an_error_and_the_socket_stays_open(live):
    token = (await access_token(live))["access_token"]
    async with live.websocket(f"/ws/rooms/lobby?token={token}") as socket:
        await socket.send_json({"body": "no text field"})
        error = await socket.receive_json()
        await socket.send_json({"text": "still here"})
        echoed = await socket.receive_json()
    assert "not a chat message" in error["error"], error
    assert echoed == {"user_id": 1, "text": "still here"}, echoed


async def test_a_client_that_leaves_is_removed_from_its_room(live):
    token = (await access_token(live))["access_token"]
    manager = live.app.state.connection_manager
    async with live.websocket(f"/ws/rooms/lobby?token={token}") as stays:
        async with live.websocket(f"/ws/rooms/lobby?token={token}"):
            assert manager.count("lobby") == 2
        await stays.send_json({"text": "anyone?"})  # the leaver is noticed by now
        assert await stays.receive_json() == {"user_id": 1, "text": "anyone?"}
        assert manager.count("lobby") == 1, f"after one of two left, the room counts {manager.count('lobby')}"


async def test_two_app_instances_sharing_a_broker_deliver_each_others_messages():
    broker = InMemoryBroker()
    async with await LiveApp.start(broker=broker) as east, await LiveApp.start(broker=broker) as west:
        east_token = (await access_token(east))["access_token"]
        west_token = (await access_token(west))["access_token"]
        async with east.websocket(f"/ws/rooms/ops?token={east_token}") as on_east, west.websocket(
            f"/ws/rooms/ops?token={west_token}"
        ) as on_west:
            await on_east.send_json({"text": "from east"})
            got = [await on_east.receive_json(), await on_west.receive_json()]
    assert got == [{"user_id": 1, "text": "from east"}] * 2, f"east's message reached {got}"


async def test_presence_counts_the_sockets_open_in_a_room(live):
    user = await live.create_user()
    headers = await live.auth_headers(user)
    token = headers["Authorization"].removeprefix("Bearer ")

    async def connected(room: str) -> int:
        response = await live.client.get(f"/rooms/{room}", headers=headers)
        assert response.status_code == 200, response.text
        assert response.json()["room"] == room, response.json()
        return response.json()["connected"]

    assert await connected("lobby") == 0
    async with live.websocket(f"/ws/rooms/lobby?token={token}"), live.websocket(f"/ws/rooms/lobby?token={token}"):
        counts = [await connected("lobby"), await connected("kitchen")]
    assert counts == [2, 0], f"with two sockets in lobby, lobby and kitchen counted {counts}"
    assert await connected("lobby") == 0, "both sockets closed, yet the room still counts some"


async def test_presence_needs_a_signed_in_user(live):
    response = await live.client.get("/rooms/lobby")
    assert response.status_code == 401, response.text
