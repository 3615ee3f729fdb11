"""Chat rooms over WebSocket: authenticated at the handshake, broadcast through a broker;
and who is in a room, over HTTP."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request, WebSocket, WebSocketDisconnect, WebSocketException, status
from pydantic import BaseModel, Field, ValidationError

from workbook.app.api.deps import CurrentUser, TokenServiceDep
from workbook.app.models import User
from workbook.app.schemas import RoomPresence
from workbook.app.security.tokens import InvalidToken

router = APIRouter(tags=["realtime"])


class ChatMessage(BaseModel):
    text: str = Field(min_length=1, max_length=2000)


async def get_ws_user(websocket: WebSocket, tokens: TokenServiceDep, token: str | None = None) -> User:
    """The user whose access token came with the handshake (``?token=``: browsers cannot
    set headers on a WebSocket). Anything else closes the handshake with 1008 before it
    is accepted. The user is read in a short session of its own: a session held for the
    socket's lifetime would pin a database connection for hours."""
    refused = WebSocketException(code=status.WS_1008_POLICY_VIOLATION, reason="invalid or missing token")
    try:
        claims = tokens.decode(token or "", expected_type="access")
    except InvalidToken:
        raise refused from None
    async with websocket.app.state.sessionmaker() as session:
        user = await session.get(User, claims.user_id)
    if user is None or not user.is_active:
        raise refused
    return user


@router.websocket("/ws/rooms/{room}")
async def room_socket(websocket: WebSocket, room: str, user: Annotated[User, Depends(get_ws_user)]) -> None:
    """Join a room; every message sent is broadcast to everyone in it, on every instance."""
    manager, broker = websocket.app.state.connection_manager, websocket.app.state.broker
    await manager.connect(room, websocket)
    try:
        while True:
            try:
                message = ChatMessage.model_validate(await websocket.receive_json())
            except (ValidationError, ValueError) as exc:
                await manager.send_personal(websocket, {"error": f"not a chat message: {exc}"})
                continue
            # Publish only: the broker delivers to this instance too, so broadcasting here
            # as well would send every message twice to this instance's clients.
            await broker.publish(room, {"user_id": user.id, "text": message.text})
    except WebSocketDisconnect:
        pass  # the client left: noticed here, on the next receive
    finally:
        manager.disconnect(room, websocket)


@router.get("/rooms/{room}", response_model=RoomPresence)
async def room_presence(room: str, request: Request, user: CurrentUser) -> RoomPresence:
    """How many sockets are open in the room on the instance that answers. Each instance
    counts only its own clients: behind a load balancer, ask each one (or keep presence in
    a shared store)."""
    return RoomPresence(room=room, connected=request.app.state.connection_manager.count(room))
