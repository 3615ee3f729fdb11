"""Catches WebSocketDisconnect inside the loop and carries on.

Wrong because the loop goes back to receive on a socket whose client has gone: Starlette
raises WebSocketDisconnected (a RuntimeError, 'Cannot call "receive" once a disconnect
message has been received'), which ends the endpoint before anything removes the socket.
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
            continue  # "handled"
        except (ValidationError, ValueError) as exc:
            await manager.send_personal(websocket, {"error": f"not a chat message: {exc}"})
            continue
        await broker.publish(room, {"user_id": user.id, "text": message.text})
