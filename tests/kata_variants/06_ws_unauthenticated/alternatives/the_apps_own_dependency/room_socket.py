"""Uses the app's get_ws_user dependency (workbook.app.api.routes.rooms) for the user.

Right because that dependency decodes the access token and loads the active user before the
endpoint runs, and raises WebSocketException(1008) otherwise: the handshake is refused before
accept.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from workbook.app.api.routes.rooms import ChatMessage, get_ws_user
from workbook.app.models import User
from workbook.app.security.tokens import InvalidToken, TokenService

router = APIRouter()


async def signed_in_user(websocket: WebSocket, tokens: TokenService, token: str | None) -> User | None:
    """The active user this access token belongs to; None for anything else (no token, a
    forged or expired one, a refresh token, a deactivated user)."""
    try:
        claims = tokens.decode(token or "", expected_type="access")
    except InvalidToken:
        return None
    # A short session of its own: one held for the socket's lifetime would pin a connection.
    async with websocket.app.state.sessionmaker() as session:
        user = await session.get(User, claims.user_id)
    return user if user is not None and user.is_active else None


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
    except WebSocketDisconnect:
        pass  # the client left
    finally:
        manager.disconnect(room, websocket)
