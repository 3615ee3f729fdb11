"""What an app did after its response went out: background tasks, seen from the client.

A real server sends the response, then runs the request's background tasks; the client
never hears how they ended. In-process the ASGI transport waits for them (the app's call
returns only once they are done) and re-raises what they raised as if the request had
failed. ``exchange`` keeps the two apart, as a client and the server's log would: the
answer the client got, what the app raised after it, and, if asked, a look at the world
(say, a row read through a fresh session) taken the moment the response was complete,
before any background task ran.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from workbook.live import BASE_URL, LiveApp


@dataclass(frozen=True)
class Exchange:
    status: int
    body: str
    # What ``at_response`` returned once the response's last byte was sent (None if not asked).
    seen_at_response: Any
    # What the app raised after the response was complete (a background task's error).
    raised_after_response: BaseException | None

    def json(self) -> Any:
        return httpx.Response(self.status, text=self.body).json()

    def __str__(self) -> str:
        return f"{self.status} {self.body}"


def told(error: BaseException | None) -> str:
    """An error in one line, for a failure message."""
    if error is None:
        return "nothing"
    first = (str(error).splitlines() or [""])[0].rstrip(".")
    return f"{type(error).__name__}: {first}"


async def exchange(
    live: LiveApp,
    method: str,
    url: str,
    *,
    at_response: Callable[[], Awaitable[Any]] | None = None,
    **kwargs: Any,
) -> Exchange:
    """Send one request to the live app. An error raised after a complete response (not a
    500: the app's error handler sends that for an endpoint that raised, then re-raises) is
    returned with the answer; any other propagates, as the request's own failure."""
    app: ASGIApp = live.transport().app
    seen: list[Any] = []
    after: list[BaseException] = []

    async def watched(scope: Scope, receive: Receive, send: Send) -> None:
        status = 500
        complete = False

        async def send_and_look(message: Message) -> None:
            nonlocal status, complete
            await send(message)
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                complete = True
                if at_response is not None:
                    seen.append(await at_response())

        try:
            await app(scope, receive, send_and_look)
        except Exception as exc:
            if not complete or status >= 500:
                raise
            after.append(exc)

    transport = httpx.ASGITransport(app=watched)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
        response = await client.request(method, url, **kwargs)
    return Exchange(
        status=response.status_code,
        body=response.text,
        seen_at_response=seen[0] if seen else None,
        raised_after_response=after[0] if after else None,
    )
