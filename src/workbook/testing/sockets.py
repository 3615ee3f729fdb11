"""Stand-ins for server-side WebSockets, for ConnectionManager tests and katas.

In-process, a client that leaves is noticed at once: its endpoint is waiting on receive,
and the close frame arrives there. Over a real network a connection that drops (Wi-Fi
gone, a laptop lid closed) sends no close frame: the socket stays in its room until a send
to it fails. ``FakeSocket(...).die()`` and ``GoneClient`` stand in for such sockets.
"""

import asyncio
import json
from typing import Any

from starlette.websockets import WebSocketDisconnect

from workbook.app.realtime import ConnectionManager


class FakeSocket:
    """Stands in for starlette's WebSocket: records what it is sent; once ``die()``d, a
    send raises ``error`` (as a real socket whose client has gone does)."""

    def __init__(self, name: str = "", error: BaseException | None = None) -> None:
        self.name = name
        self.accepted = False
        self.received: list[Any] = []
        self.error = error or WebSocketDisconnect(code=1006)
        self.dead = False

    async def accept(self) -> None:
        self.accepted = True

    async def send_text(self, text: str) -> None:
        await asyncio.sleep(0)  # a real send yields to the loop
        if self.dead:
            raise self.error
        self.received.append(json.loads(text))

    async def send_json(self, data: Any, mode: str = "text") -> None:
        await self.send_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False))

    def die(self) -> None:
        self.dead = True

    def __repr__(self) -> str:
        return f"FakeSocket({self.name!r})"


class GoneClient(FakeSocket):
    """A socket whose client has gone without a close frame: every send raises ``error``
    (by default what Starlette raises when the connection is lost).

    It hashes to 0, so in a set it is iterated first when it was added first (as in a dict
    or a list): a test can then count on the worst case, the dead socket met before any
    live one, whatever container a ConnectionManager keeps its sockets in.
    """

    def __init__(self, name: str = "gone", error: BaseException | None = None) -> None:
        super().__init__(name, error)
        self.dead = True

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return self is other

    def __repr__(self) -> str:
        return f"GoneClient({self.name!r})"


async def connected(manager: ConnectionManager, room: str, n: int, **kwargs: Any) -> list[FakeSocket]:
    sockets = [FakeSocket(f"{room}-{i}", **kwargs) for i in range(n)]
    for socket in sockets:
        await manager.connect(room, socket)  # type: ignore[arg-type]
    return sockets
