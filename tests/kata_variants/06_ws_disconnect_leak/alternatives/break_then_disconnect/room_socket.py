"""Breaks out of the loop on WebSocketDisconnect and removes the socket after it.

Right because the only way out of the loop is the client leaving (any other exception would
skip the clean-up, but only the disconnect is expected here), and then the socket is removed.
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
        except WebSocketDisconnect:
            break
        except (ValidationError, ValueError) as exc:
            await manager.send_personal(websocket, {"error": f"not a chat message: {exc}"})
            continue
        await broker.publish(room, {"user_id": user.id, "text": message.text})
    manager.disconnect(room, websocket)
