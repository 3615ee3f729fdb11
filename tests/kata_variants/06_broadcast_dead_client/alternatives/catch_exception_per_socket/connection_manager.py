"""Guards each send with except Exception, and prunes after the loop.

Right because any failure of one socket's send leaves the others unaffected and the failed
socket leaves the room. Broad, but safe here: the broker hands broadcast JSON it has already
decoded, so a send can only fail because of its socket, not because of the message.
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
        gone = []
        for websocket in self.rooms.get(room, set()):
            try:
                await websocket.send_json(message)
            except Exception:
                gone.append(websocket)
        for websocket in gone:
            self.disconnect(room, websocket)
