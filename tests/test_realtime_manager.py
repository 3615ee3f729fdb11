"""The ConnectionManager, with fake sockets: rooms, one-socket disconnect, guarded broadcast."""

import json
import time
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from workbook.app.realtime import ConnectionManager
from workbook.testing.sockets import FakeSocket, connected


async def test_connect_accepts_and_joins_the_room() -> None:
    manager = ConnectionManager()
    [a] = await connected(manager, "lobby", 1)
    assert a.accepted
    assert manager.count("lobby") == 1
    assert manager.count("elsewhere") == 0


async def test_disconnect_removes_one_socket_and_keeps_the_others() -> None:
    manager = ConnectionManager()
    a, b, c = await connected(manager, "lobby", 3)
    manager.disconnect("lobby", b)  # type: ignore[arg-type]
    assert manager.count("lobby") == 2
    assert await manager.broadcast("lobby", {"n": 1}) == 2
    assert a.received == c.received == [{"n": 1}]
    assert b.received == []


async def test_disconnect_of_the_last_socket_drops_the_room() -> None:
    manager = ConnectionManager()
    a, b = await connected(manager, "lobby", 2)
    manager.disconnect("lobby", a)  # type: ignore[arg-type]
    assert "lobby" in manager.rooms
    manager.disconnect("lobby", b)  # type: ignore[arg-type]
    assert "lobby" not in manager.rooms
    assert manager.count("lobby") == 0


async def test_disconnect_is_idempotent() -> None:
    """The endpoint's finally may disconnect a socket a broadcast has already pruned."""
    manager = ConnectionManager()
    a, b = await connected(manager, "lobby", 2)
    manager.disconnect("lobby", a)  # type: ignore[arg-type]
    manager.disconnect("lobby", a)  # type: ignore[arg-type]
    manager.disconnect("nowhere", a)  # type: ignore[arg-type]
    assert manager.count("lobby") == 1


async def test_rooms_are_separate() -> None:
    manager = ConnectionManager()
    [a] = await connected(manager, "lobby", 1)
    [b] = await connected(manager, "kitchen", 1)
    assert await manager.broadcast("lobby", {"to": "lobby"}) == 1
    assert a.received == [{"to": "lobby"}]
    assert b.received == []


async def test_broadcast_to_an_empty_room_is_a_no_op() -> None:
    manager = ConnectionManager()
    assert await manager.broadcast("nobody", {"n": 1}) == 0
    assert manager.rooms == {}


async def test_broadcast_reaches_everyone_in_order() -> None:
    manager = ConnectionManager()
    sockets = await connected(manager, "lobby", 5)
    for n in range(10):
        assert await manager.broadcast("lobby", {"n": n}) == 5
    for socket in sockets:
        assert socket.received == [{"n": n} for n in range(10)]


async def test_send_personal_reaches_one_socket() -> None:
    manager = ConnectionManager()
    a, b = await connected(manager, "lobby", 2)
    await manager.send_personal(a, {"hello": "you"})  # type: ignore[arg-type]
    assert a.received == [{"hello": "you"}]
    assert b.received == []


async def test_send_personal_leaves_errors_to_the_caller() -> None:
    manager = ConnectionManager()
    [a] = await connected(manager, "lobby", 1)
    a.die()
    with pytest.raises(WebSocketDisconnect):
        await manager.send_personal(a, {"hello": "you"})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "error",
    [
        WebSocketDisconnect(code=1006),
        RuntimeError('Cannot call "send" once a close message has been sent.'),
        ConnectionResetError("peer gone"),
        OSError("broken pipe"),
    ],
    ids=lambda e: type(e).__name__,
)
async def test_a_dead_socket_is_pruned_and_the_others_still_receive(error: BaseException) -> None:
    manager = ConnectionManager()
    a, dead, c = await connected(manager, "lobby", 3, error=error)
    dead.die()
    assert await manager.broadcast("lobby", {"n": 1}) == 2
    assert a.received == c.received == [{"n": 1}]
    assert manager.count("lobby") == 2
    assert dead not in manager.rooms["lobby"]


async def test_a_room_whose_sockets_are_all_dead_is_dropped() -> None:
    manager = ConnectionManager()
    sockets = await connected(manager, "lobby", 2)
    for socket in sockets:
        socket.die()
    assert await manager.broadcast("lobby", {"n": 1}) == 0
    assert "lobby" not in manager.rooms


async def test_an_unexpected_error_is_raised_after_the_others_received() -> None:
    """Not a dead socket (a bug): raised, not swallowed, but the others still got the message."""
    manager = ConnectionManager()
    a, odd, c = await connected(manager, "lobby", 3, error=ValueError("a bug"))
    odd.die()
    with pytest.raises(ValueError, match="a bug"):
        await manager.broadcast("lobby", {"n": 1})
    assert a.received == c.received == [{"n": 1}]
    assert manager.count("lobby") == 3  # not pruned: it is not known to be dead


async def test_a_message_json_cannot_carry_fails_before_any_send() -> None:
    manager = ConnectionManager()
    a, b = await connected(manager, "lobby", 2)
    with pytest.raises(TypeError):
        await manager.broadcast("lobby", {"when": object()})
    assert a.received == b.received == []
    assert manager.count("lobby") == 2


# The contrasts the chapter shows live: the seed's mistakes, next to the manager above.


class SeedManager:
    """The seed's Pattern 3: ``manager.disconnect(id)`` keyed by the room id, and a broadcast
    loop without error handling."""

    def __init__(self) -> None:
        self.rooms: dict[str, set[FakeSocket]] = {}

    async def connect(self, socket: FakeSocket, room: str) -> None:
        await socket.accept()
        self.rooms.setdefault(room, set()).add(socket)

    def disconnect(self, room: str) -> None:
        self.rooms.pop(room, None)

    async def broadcast(self, room: str, message: Any) -> None:
        for socket in sorted(self.rooms.get(room, ()), key=lambda s: s.name):
            await socket.send_text(json.dumps(message))


async def test_contrast_the_seeds_disconnect_by_room_drops_every_client() -> None:
    seed = SeedManager()
    a, b = FakeSocket("a"), FakeSocket("b")
    await seed.connect(a, "lobby")
    await seed.connect(b, "lobby")
    seed.disconnect("lobby")  # a leaves...
    await seed.broadcast("lobby", {"n": 1})
    assert b.received == []  # ...and b, still connected, stops receiving

    manager = ConnectionManager()
    a, b = await connected(manager, "lobby", 2)
    manager.disconnect("lobby", a)  # type: ignore[arg-type]
    await manager.broadcast("lobby", {"n": 1})
    assert b.received == [{"n": 1}]


async def test_contrast_an_unguarded_broadcast_stops_at_the_first_dead_client() -> None:
    seed = SeedManager()
    a, dead, c = FakeSocket("a"), FakeSocket("b"), FakeSocket("c")
    for socket in (a, dead, c):
        await seed.connect(socket, "lobby")
    dead.die()
    with pytest.raises(WebSocketDisconnect):
        await seed.broadcast("lobby", {"n": 1})
    assert a.received == [{"n": 1}]
    assert c.received == []  # after the dead one in the loop: missed the message


# Load: bounded and in-process.

CLIENTS, MESSAGES, DROPPING = 100, 50, 10


async def test_load_a_burst_of_broadcasts_while_clients_drop() -> None:
    manager = ConnectionManager()
    sockets = await connected(manager, "lobby", CLIENTS)
    # Every tenth client dies at a different point of the burst, with each kind of error.
    errors = [WebSocketDisconnect(code=1006), RuntimeError("closed"), ConnectionResetError("reset")]
    dies_after = {}
    for k, socket in enumerate(sockets[::CLIENTS // DROPPING]):
        socket.error = errors[k % len(errors)]
        dies_after[socket] = 3 + k * (MESSAGES - 6) // (DROPPING - 1)  # spread over 3..47
    assert len(dies_after) == DROPPING

    started = time.perf_counter()
    for n in range(MESSAGES):
        for socket, after in dies_after.items():
            if n == after:
                socket.die()
        await manager.broadcast("lobby", {"n": n})
    elapsed = time.perf_counter() - started

    every = [{"n": n} for n in range(MESSAGES)]
    live = [socket for socket in sockets if socket not in dies_after]
    assert len(live) == CLIENTS - DROPPING
    for socket in live:
        assert socket.received == every
    for socket, after in dies_after.items():
        assert socket.received == every[:after]  # received everything until it died
    assert manager.count("lobby") == CLIENTS - DROPPING
    assert not set(dies_after) & manager.rooms["lobby"]
    print(f"\n{CLIENTS} clients, {MESSAGES} broadcasts, {DROPPING} dropped: {elapsed * 1000:.1f} ms")
    assert elapsed < 5.0, elapsed
