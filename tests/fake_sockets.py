"""Fake WebSockets for ConnectionManager tests (shared by the realtime test files)."""

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

    def die(self) -> None:
        self.dead = True

    def __repr__(self) -> str:
        return f"FakeSocket({self.name!r})"


async def connected(manager: ConnectionManager, room: str, n: int, **kwargs: Any) -> list[FakeSocket]:
    sockets = [FakeSocket(f"{room}-{i}", **kwargs) for i in range(n)]
    for socket in sockets:
        await manager.connect(room, socket)  # type: ignore[arg-type]
    return sockets
