"""Removes the socket in a finally around the loop, with no except.

Right because the finally runs however the loop ends, WebSocketDisconnect included: the
socket always leaves its room. The exception then ends the endpoint, which servers treat as
a finished connection.
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
    try:
        while True:
            try:
                message = ChatMessage.model_validate(await websocket.receive_json())
            except (ValidationError, ValueError) as exc:
                await manager.send_personal(websocket, {"error": f"not a chat message: {exc}"})
                continue
            await broker.publish(room, {"user_id": user.id, "text": message.text})
    finally:
        manager.disconnect(room, websocket)
