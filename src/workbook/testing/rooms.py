"""A WebSocket client for the chat rooms (``/ws/rooms/{room}?token=``), for katas and tests.

httpx-ws raises from inside task groups, so an assertion or a closed socket inside
``async with live.websocket(...)`` comes out wrapped in ExceptionGroups. Kata tests must
fail by a plain AssertionError that says what the client saw: ``room_client`` unwraps and
translates, and ``try_handshake`` reports how a handshake ended instead of raising.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from httpx_ws import AsyncWebSocketSession, WebSocketDisconnect, WebSocketUpgradeError

from workbook.live import LiveApp

# An answer that is due (the endpoint replies at once): only a broken server takes longer.
ANSWER_TIMEOUT = 2.0
# What the test transport closes a socket with when the endpoint raised an exception.
INTERNAL_ERROR = 1011


def room_path(room: str, token: str | None) -> str:
    return f"/ws/rooms/{room}" + (f"?token={token}" if token is not None else "")


def leaves(error: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups, or ``[error]``."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


def explain(error: BaseException, who: str) -> BaseException:
    """The AssertionError to raise for what went wrong while ``who`` used a socket."""
    found = leaves(error)
    for leaf in found:
        if isinstance(leaf, AssertionError):
            return leaf
    for leaf in found:
        if isinstance(leaf, WebSocketDisconnect):
            if leaf.code == INTERNAL_ERROR:
                return AssertionError(
                    f"{who}: the server closed the socket with {INTERNAL_ERROR} (internal error): "
                    f"the endpoint raised an exception, {leaf.reason!r}"
                )
            return AssertionError(f"{who}: the server closed the socket with code {leaf.code} {leaf.reason!r}")
        if isinstance(leaf, WebSocketUpgradeError):
            return AssertionError(
                f"{who}: the handshake was answered with HTTP {leaf.response.status_code} instead of a WebSocket"
            )
        if isinstance(leaf, TimeoutError):
            return AssertionError(f"{who}: the server sent nothing within {ANSWER_TIMEOUT:g} s where an answer was due")
    return error


@asynccontextmanager
async def room_client(live: LiveApp, room: str, token: str | None, *, who: str) -> AsyncIterator["RoomClient"]:
    """Join ``room`` as ``who`` (a name for failure messages); leave on exit."""
    try:
        async with live.websocket(room_path(room, token)) as socket:
            yield RoomClient(socket, who)
    except BaseException as error:  # noqa: BLE001 - translated, or raised as it was
        translated = explain(error, who)
        if translated is error:
            raise
        raise translated from None


class RoomClient:
    def __init__(self, socket: AsyncWebSocketSession, who: str) -> None:
        self.socket = socket
        self.who = who

    async def say(self, text: str) -> None:
        await self.socket.send_json({"text": text})

    async def receive(self) -> Any:
        """The next message; it must be due (AssertionError after ANSWER_TIMEOUT)."""
        return await self.socket.receive_json(timeout=ANSWER_TIMEOUT)

    async def received_so_far(self) -> list[Any]:
        """Every message the server has sent this client so far (and not yet read).

        Sends an invalid chat message, which the endpoint answers at once with an error,
        and returns what arrived before that answer: messages of one socket arrive in the
        order they were sent, so nothing sent earlier can come later.
        """
        await self.socket.send_json({"not": "a chat message"})
        before: list[Any] = []
        while True:
            message = await self.receive()
            if isinstance(message, dict) and "error" in message:
                return before
            before.append(message)


@dataclass
class Handshake:
    """How an attempt to open a socket ended, as the client saw it."""

    accepted: bool
    close_code: int | None = None  # the code a refused handshake was closed with
    reason: str = ""
    http_status: int | None = None  # set when the server answered with HTTP instead

    def __str__(self) -> str:
        if self.accepted:
            return "the handshake was accepted: the connection opened"
        if self.http_status is not None:
            return f"the handshake was answered with HTTP {self.http_status}"
        return f"the handshake was refused with close code {self.close_code} {self.reason!r}"


async def try_handshake(live: LiveApp, path: str) -> Handshake:
    """Open ``path`` and leave at once; report how the handshake ended."""
    accepted = False
    try:
        async with live.websocket(path):
            accepted = True
    except BaseException as error:  # noqa: BLE001 - read, then raised again if unexpected
        if accepted:  # closed by the server after accepting: the handshake itself succeeded
            return Handshake(accepted=True)
        for leaf in leaves(error):
            if isinstance(leaf, WebSocketDisconnect):
                return Handshake(accepted=False, close_code=leaf.code, reason=leaf.reason or "")
            if isinstance(leaf, WebSocketUpgradeError):
                return Handshake(accepted=False, http_status=leaf.response.status_code)
        raise
    return Handshake(accepted=True)


async def connected_count(live: LiveApp, room: str, headers: dict[str, str]) -> int:
    """``GET /rooms/{room}``: how many sockets the app counts in the room."""
    response = await live.client.get(f"/rooms/{room}", headers=headers)
    assert response.status_code == 200, f"GET /rooms/{room} answered {response.status_code}: {response.text}"
    return response.json()["connected"]


@dataclass
class Member:
    """A signed-in user: the token for the room's handshake, the headers for HTTP."""

    user: dict[str, Any]
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


async def sign_up(live: LiveApp) -> Member:
    """A new user of ``live``, signed in once (an access token lasts the whole test run)."""
    user = await live.create_user()
    return Member(user=user, token=(await live.login(user))["access_token"])
