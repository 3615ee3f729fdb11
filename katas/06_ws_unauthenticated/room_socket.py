"""Your component: the chat room's WebSocket endpoint.

The app includes this router ahead of its own, so your /ws/rooms/{room} is the one that
answers. Rooms are for signed-in users: a client joins with ``?token=<access token>``
(browsers cannot set headers on a WebSocket). A handshake without a valid access token must
be refused, with close code 1008 (policy violation), before the connection ever opens.
"""

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from workbook.app.api.deps import TokenServiceDep
from workbook.app.api.routes.rooms import ChatMessage
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
async def room_socket(websocket: WebSocket, room: str, tokens: TokenServiceDep, token: str | None = None) -> None:
    """Join a room; every message sent is broadcast to everyone in it."""
    manager, broker = websocket.app.state.connection_manager, websocket.app.state.broker
    await manager.connect(room, websocket)
    user = await signed_in_user(websocket, tokens, token)
    sender = user.id if user is not None else None
    try:
        while True:
            try:
                message = ChatMessage.model_validate(await websocket.receive_json())
            except (ValidationError, ValueError) as exc:
                await manager.send_personal(websocket, {"error": f"not a chat message: {exc}"})
                continue
            await broker.publish(room, {"user_id": sender, "text": message.text})
    except WebSocketDisconnect:
        pass  # the client left
    finally:
        manager.disconnect(room, websocket)
