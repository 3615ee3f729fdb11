"""Chat rooms over a real server: the app served by uvicorn on 127.0.0.1, reached with httpx
over HTTP and with the ``websockets`` client library over TCP (no in-process transport)."""

import asyncio
import json
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus

from workbook.app.config import Settings
from workbook.app.main import create_app
from workbook.served import ServedApp, ServerDidNotStart, serve

pytestmark = [pytest.mark.loopback, pytest.mark.database]

RECEIVE_TIMEOUT = 2.0  # seconds: a message that has not come by then is missing


def room(served: ServedApp, name: str, token: str | None) -> connect:
    query = "" if token is None else f"?token={token}"
    return connect(served.ws_url(f"/ws/rooms/{name}{query}"), open_timeout=2.0, close_timeout=1.0)


async def receive(socket: ClientConnection, count: int) -> list[Any]:
    """The next ``count`` messages, decoded; fails if one has not come within the timeout."""
    got: list[Any] = []
    for _ in range(count):
        try:
            async with asyncio.timeout(RECEIVE_TIMEOUT):
                got.append(json.loads(await socket.recv()))
        except TimeoutError:
            raise AssertionError(f"expected {count} messages, got {len(got)} within {RECEIVE_TIMEOUT} s each: {got}")
    return got


async def test_two_clients_exchange_messages_and_both_see_one_order(served):
    ada, bob = await served.sign_up("ada@example.com"), await served.sign_up("bob@example.com")
    async with room(served, "lobby", ada["access_token"]) as ada_socket, room(
        served, "lobby", bob["access_token"]
    ) as bob_socket:
        # Both talk at once: the broker puts the six messages in one order, the same for
        # everyone, and each sender's own messages keep the order they were sent in.
        for n in range(3):
            await ada_socket.send(json.dumps({"text": f"ada {n}"}))
            await bob_socket.send(json.dumps({"text": f"bob {n}"}))
        seen_by_ada, seen_by_bob = await receive(ada_socket, 6), await receive(bob_socket, 6)

    assert seen_by_ada == seen_by_bob, f"the two clients saw different orders:\n{seen_by_ada}\n{seen_by_bob}"
    for user, name in ((ada, "ada"), (bob, "bob")):
        theirs = [message for message in seen_by_ada if message["user_id"] == user["id"]]
        expected = [{"user_id": user["id"], "text": f"{name} {n}"} for n in range(3)]
        assert theirs == expected, f"{name} sent 'n' = 0, 1, 2 in that order; the room delivered {theirs}"


@pytest.mark.parametrize("case", ["no token", "refresh token", "garbage"])
async def test_a_handshake_without_a_valid_access_token_is_rejected_with_http_403(served, case):
    tokens = await served.sign_up("eve@example.com")
    token = {"no token": None, "refresh token": tokens["refresh_token"], "garbage": "not-a-jwt"}[case]
    # The endpoint closes with 1008 *before* accepting. No WebSocket exists yet, so there is
    # no close frame to carry 1008 or its reason: the ASGI spec has the server answer the
    # handshake with HTTP 403 instead (uvicorn: an empty body), and that is all a real
    # client sees. In-process, httpx-ws reports the 1008 itself (tests/test_api_rooms.py).
    # An app that wants another status sends a denial response instead of the close
    # (Starlette's websocket.send_denial_response, ASGI's websocket.http.response extension).
    with pytest.raises(InvalidStatus) as rejected:
        async with room(served, "lobby", token):
            pass
    response = rejected.value.response
    seen = (response.status_code, bytes(response.body))
    assert seen == (403, b""), f"{case}: expected the handshake answered 403 with no body; it was {seen}"


async def test_a_server_whose_start_up_fails_raises_instead_of_hanging(unreachable_database_url):
    # The lifespan cannot reach the database: uvicorn gives up (it calls sys.exit) and
    # serve reports it.
    app = create_app(Settings(database_url=unreachable_database_url))
    with pytest.raises(ServerDidNotStart, match="start-up"):
        async with serve(app):
            pass
