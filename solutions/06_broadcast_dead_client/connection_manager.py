"""Your component: the app's ConnectionManager, sockets grouped by room.

The room endpoint calls ``connect`` when a client joins and ``disconnect`` when it leaves;
the broker calls ``broadcast`` for every chat message, on every app instance. A room may
hold the socket of a client that has gone without a word (a dropped connection sends no
close frame): the server learns of it only when a send to that socket fails.
"""

from typing import Any

from fastapi import WebSocket

from workbook.app.realtime import DEAD_SOCKET_ERRORS


class ConnectionManager:
    """Sockets grouped by room: ``rooms[room]`` is the set of that room's sockets."""

    def __init__(self) -> None:
        self.rooms: dict[str, set[WebSocket]] = {}

    async def connect(self, room: str, websocket: WebSocket) -> None:
        """Accept the handshake and add the socket to the room."""
        await websocket.accept()
        self.rooms.setdefault(room, set()).add(websocket)

    def disconnect(self, room: str, websocket: WebSocket) -> None:
        """Remove this one socket (if it is still there); drop the room once it is empty."""
        sockets = self.rooms.get(room)
        if sockets is None:
            return
        sockets.discard(websocket)
        if not sockets:
            del self.rooms[room]

    def count(self, room: str) -> int:
        """How many sockets the room holds."""
        return len(self.rooms.get(room, ()))

    async def send_personal(self, websocket: WebSocket, message: Any) -> None:
        """Send to one socket (errors are the caller's: it owns that socket's loop)."""
        await websocket.send_json(message)

    async def broadcast(self, room: str, message: Any) -> None:
        """Send ``message`` to every client still connected to the room."""
        gone = []
        for websocket in self.rooms.get(room, set()):
            try:
                await websocket.send_json(message)
            except DEAD_SOCKET_ERRORS:  # this client has gone: the others still get it
                gone.append(websocket)
        for websocket in gone:  # after the loop: a set must not change while iterated
            self.disconnect(room, websocket)
