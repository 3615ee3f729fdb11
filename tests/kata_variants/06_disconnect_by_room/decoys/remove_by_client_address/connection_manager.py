"""Removes the room's sockets whose client address is the leaving socket's.

Wrong because an address is not a client: behind a reverse proxy or a NAT every client has
the same one, and two tabs of one browser do too. Here every client shares the in-process
test address, so one client leaving removes them all.
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
        """Forget the socket of a client that has left."""
        sockets = self.rooms.get(room, set())
        self.rooms[room] = {ws for ws in sockets if ws.client != websocket.client}
        if not self.rooms[room]:
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
