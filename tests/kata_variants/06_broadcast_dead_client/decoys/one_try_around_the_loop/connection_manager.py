"""One try/except around the whole broadcast loop.

Wrong because the exception still ends the loop: the except only keeps it from reaching the
caller. Every socket after the dead one misses the message, and the dead socket stays in the
room to stop the next broadcast the same way.
"""

from typing import Any

from fastapi import WebSocket


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
        try:
            for websocket in self.rooms.get(room, set()):
                await websocket.send_json(message)
        except Exception:
            pass  # a client has gone
