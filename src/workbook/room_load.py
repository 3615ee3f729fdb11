"""A chat room under load, over a real server: ``clients`` WebSocket clients join one room
of an app served by uvicorn (``workbook.served``), one of them sends a burst of
``messages``, and ``drops`` of the others vanish while the burst is being delivered.

Shared by the load test (tests/test_rooms_load.py), which asserts on the outcome, and by
benchmarks/room_load.py, which prints the figures. Nothing here asserts or times out with
an exception: a message that does not come within ``receive_timeout`` is simply missing
from ``received``, for the caller to report.

Why loopback and not in-process: the app's real send path is Starlette's ``send_text``
into uvicorn's WebSocket protocol, writing frames to a TCP transport, and a client that
vanishes is a reset connection that uvicorn reports (``ClientDisconnected``, an OSError)
to the next send and as a disconnect to the endpoint's receive. httpx-ws's in-process
transport replaces all of that with memory queues.
"""

import asyncio
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from workbook.served import ServedApp


@dataclass
class RoomLoad:
    """What one run saw. Clients are numbered 0..clients-1; client 0 sends the burst."""

    clients: int
    messages: int
    expected: list[dict[str, Any]]  # what every client that stays must receive, in order
    dropped: dict[int, str]  # client -> how it left ("abort": TCP reset; "close": a clean close)
    received: dict[int, list[Any]]  # client -> what it received, in arrival order
    room_size: list[int] = field(default_factory=list)  # manager.count(room): joined, after the burst
    app_errors: list[str] = field(default_factory=list)  # log records at WARNING or above
    connect_seconds: float = 0.0  # all clients connected and in the room
    burst_seconds: float = 0.0  # first send -> every staying client has every message

    @property
    def staying(self) -> list[int]:
        return [client for client in range(self.clients) if client not in self.dropped]


class _Recorder(logging.Handler):
    """Collects what the app (uvicorn, the broker, asyncio) logs at WARNING or above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {record.levelname}: {record.getMessage()}")


def drop_plan(clients: int, drops: int, messages: int) -> dict[int, int]:
    """client -> the message after which it drops: clients spread over 1..clients-1 (client
    0 sends), drop points spread over the burst."""
    if not 0 <= drops < clients:
        raise ValueError(f"drops must be between 0 and clients - 1 = {clients - 1}, not {drops}")
    return {1 + k * (clients - 1) // max(drops, 1): (k + 1) * messages // (drops + 1) for k in range(drops)}


async def run_room_load(
    served: ServedApp,
    *,
    clients: int = 100,
    drops: int = 10,
    messages: int = 50,
    room: str = "load",
    receive_timeout: float = 2.0,
    prune_timeout: float = 2.0,
) -> RoomLoad:
    """Run the scenario once against ``served`` (an app in this event loop)."""
    user = await served.sign_up(f"load-{room}@example.com")
    manager = served.app.state.connection_manager
    plan = drop_plan(clients, drops, messages)
    expected = [{"user_id": user["id"], "text": f"message {n}"} for n in range(messages)]
    result = RoomLoad(clients, messages, expected, dropped={}, received={})
    recorder = _Recorder()
    logging.getLogger().addHandler(recorder)
    sockets: list[ClientConnection] = []
    closing: list[asyncio.Task[None]] = []
    try:
        started = time.perf_counter()
        url = served.ws_url(f"/ws/rooms/{room}?token={user['access_token']}")
        sockets = list(await asyncio.gather(*(connect(url, open_timeout=10.0, close_timeout=1.0) for _ in range(clients))))
        result.room_size.append(await _room_size(manager, room, clients, prune_timeout))
        result.connect_seconds = time.perf_counter() - started

        def drop(after: int) -> None:
            # Dropped when client 0 has received message ``after``: the server is in the
            # middle of the burst, with later broadcasts still to deliver.
            for client, point in plan.items():
                if point == after:
                    how = "abort" if len(result.dropped) % 2 == 0 else "close"
                    result.dropped[client] = how
                    if how == "abort":
                        sockets[client].transport.abort()  # a client that vanished: no close frame
                    else:
                        closing.append(asyncio.create_task(sockets[client].close()))  # a client that says goodbye

        readers = [
            asyncio.create_task(_collect(socket, messages, receive_timeout, drop if client == 0 else None))
            for client, socket in enumerate(sockets)
        ]
        started = time.perf_counter()
        for message in expected:
            await sockets[0].send(json.dumps({"text": message["text"]}))
        staying = [readers[client] for client in range(clients) if client not in plan]
        await asyncio.gather(*staying)
        result.burst_seconds = time.perf_counter() - started
        await asyncio.gather(*readers)  # the dropped ones end at their drop
        result.received = {client: reader.result() for client, reader in enumerate(readers)}
        result.room_size.append(await _room_size(manager, room, clients - len(plan), prune_timeout))
    finally:
        await asyncio.gather(*closing, *(socket.close() for socket in sockets), return_exceptions=True)
        logging.getLogger().removeHandler(recorder)
        result.app_errors = recorder.lines
    return result


async def _collect(
    socket: ClientConnection, count: int, timeout: float, on_message: Callable[[int], None] | None
) -> list[Any]:
    """Up to ``count`` messages; stops early when the connection ends or one is late."""
    got: list[Any] = []
    try:
        while len(got) < count:
            async with asyncio.timeout(timeout):
                got.append(json.loads(await socket.recv()))
            if on_message is not None:
                on_message(len(got) - 1)
    except (ConnectionClosed, TimeoutError):
        pass
    return got


async def _room_size(manager: Any, room: str, expected: int, timeout: float) -> int:
    """The room's size once it is ``expected`` or ``timeout`` has passed: joining and
    pruning finish on the server's side, a little after what the clients see."""
    deadline = time.perf_counter() + timeout
    while manager.count(room) != expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.005)
    return manager.count(room)
