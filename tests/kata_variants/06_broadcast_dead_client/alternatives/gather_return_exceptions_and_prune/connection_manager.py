"""Sends to all sockets at once with asyncio.gather(..., return_exceptions=True), then prunes
those whose result is an exception.

Right because each send's failure comes back as its result instead of being raised: every
live socket is sent to, and the dead ones, known by their results, leave the room.
"""

import asyncio
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
        sockets = list(self.rooms.get(room, set()))
        results = await asyncio.gather(*(ws.send_json(message) for ws in sockets), return_exceptions=True)
        for websocket, result in zip(sockets, results):
            if isinstance(result, Exception):
                self.disconnect(room, websocket)
