"""Your component: the chat room's WebSocket endpoint.

The app includes this router ahead of its own, so your /ws/rooms/{room} is the one that
answers. A client joins a room with ``?token=<access token>``; every chat message it sends
goes to everyone in the room. The room's ConnectionManager must always know who is still
there: ``GET /rooms/{room}`` reports its count.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, WebSocket
from pydantic import ValidationError

from workbook.app.api.routes.rooms import ChatMessage, get_ws_user
from workbook.app.models import User

router = APIRouter()


@router.websocket("/ws/rooms/{room}")
async def room_socket(websocket: WebSocket, room: str, user: Annotated[User, Depends(get_ws_user)]) -> None:
    """Join a room; every message sent is broadcast to everyone in it."""
    manager, broker = websocket.app.state.connection_manager, websocket.app.state.broker
    await manager.connect(room, websocket)
    while True:
        try:
            message = ChatMessage.model_validate(await websocket.receive_json())
        except (ValidationError, ValueError) as exc:
            await manager.send_personal(websocket, {"error": f"not a chat message: {exc}"})
            continue
        # The broker delivers to every instance's manager, this one's included.
        await broker.publish(room, {"user_id": user.id, "text": message.text})
