"""A ConnectionManager with rooms: the in-process half of broadcasting.

It only knows the sockets connected to *this* process. To reach clients of other app
instances, publish through a broker (see ``broker.py``) whose listener calls
``manager.broadcast`` on every instance.
"""

import asyncio
import json
from typing import Any

from anyio import ClosedResourceError
from starlette.websockets import WebSocket, WebSocketDisconnect

# What a send to a socket whose client has gone raises: Starlette's WebSocketDisconnect
# (it turns the server's OSError into WebSocketDisconnect(1006)), RuntimeError once a close
# has been sent or received ('Cannot call "send" once a close message has been sent'),
# OSError (ConnectionError and friends) from a server that lets it through, and anyio's
# ClosedResourceError from the in-process transports (httpx-ws), whose stream to a client
# that has gone is closed (measured with httpx-ws 0.9).
DEAD_SOCKET_ERRORS: tuple[type[BaseException], ...] = (WebSocketDisconnect, RuntimeError, OSError, ClosedResourceError)


def encode(message: Any) -> str:
    """JSON text as Starlette's ``send_json`` writes it; raises TypeError/ValueError for
    what JSON cannot carry (before any socket is touched)."""
    return json.dumps(message, separators=(",", ":"), ensure_ascii=False)


class ConnectionManager:
    """Sockets grouped by room: ``rooms[room]`` is the set of that room's sockets."""

    def __init__(self) -> None:
        self.rooms: dict[str, set[WebSocket]] = {}

    async def connect(self, room: str, websocket: WebSocket) -> None:
        """Accept the handshake and add the socket to the room (authenticate *before* this)."""
        await websocket.accept()
        self.rooms.setdefault(room, set()).add(websocket)

    def disconnect(self, room: str, websocket: WebSocket) -> None:
        """Remove this one socket; drop the room once it is empty. Idempotent: safe to call
        for a socket that a broadcast has already pruned."""
        sockets = self.rooms.get(room)
        if sockets is None:
            return
        sockets.discard(websocket)
        if not sockets:
            del self.rooms[room]

    def count(self, room: str) -> int:
        """How many sockets the room holds in this process."""
        return len(self.rooms.get(room, ()))

    async def send_personal(self, websocket: WebSocket, message: Any) -> None:
        """Send to one socket. Errors are the caller's: it owns that socket's loop."""
        await websocket.send_text(encode(message))

    async def broadcast(self, room: str, message: Any) -> int:
        """Send ``message`` to every socket of the room; return how many received it.

        Sends run concurrently and each one is guarded on its own: a socket whose send
        fails with one of ``DEAD_SOCKET_ERRORS`` is pruned from the room and the others
        still receive. Any other error is raised, but only after every socket was tried.
        """
        sockets = list(self.rooms.get(room, ()))
        if not sockets:
            return 0
        text = encode(message)  # once, and before any send: a bad message fails for nobody
        results = await asyncio.gather(*(ws.send_text(text) for ws in sockets), return_exceptions=True)
        delivered = 0
        unexpected: list[BaseException] = []
        for websocket, result in zip(sockets, results):
            if result is None:
                delivered += 1
            elif isinstance(result, DEAD_SOCKET_ERRORS):
                self.disconnect(room, websocket)
            else:
                unexpected.append(result)
        if unexpected:
            raise unexpected[0]
        return delivered
