"""Guards the broadcast, not the receive: catches WebSocketDisconnect around publish.

Wrong because the publish does not raise when the client leaves (it goes to the broker, not to
the socket): the receive does, outside the try, and ends the endpoint with the socket still
in its room.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, WebSocket, WebSocketDisconnect
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
        try:
            await broker.publish(room, {"user_id": user.id, "text": message.text})
        except WebSocketDisconnect:
            manager.disconnect(room, websocket)
            break
