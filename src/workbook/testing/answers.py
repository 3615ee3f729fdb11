"""What a client got back, told in words a failure message can use.

The in-process client re-raises an exception the app did not handle (a real client would
get a bare 500). Tests of learner code catch it here, so a crash reads as "answered 500
(the app raised ...)" in the failure message instead of ending the test with a traceback
from deep inside the app.
"""

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class Answer:
    status: int  # 500 when the app raised
    body: str

    def json(self) -> Any:
        return httpx.Response(self.status, text=self.body).json()

    def __str__(self) -> str:
        return f"{self.status} {self.body}"


async def answer(client: httpx.AsyncClient, method: str, url: str, **kwargs: Any) -> Answer:
    """Send one request; a crash of the app becomes a 500 whose body says what it raised."""
    try:
        response = await client.request(method, url, **kwargs)
    except Exception as exc:  # raised inside the app, re-raised by the ASGI transport
        return Answer(500, f"(the app raised {type(exc).__name__}: {exc})")
    return Answer(response.status_code, response.text)


# The app's log of a request that raised (request_context.py), with the traceback.
REQUEST_LOG = "workbook.app.requests"


@contextmanager
def crashes_told_once() -> Iterator[None]:
    """While the block runs, the app's "request failed" lines are not logged: ``answer``
    already tells each crash in the failure message, and pytest would print it again
    under "Captured log call", a traceback of a hundred lines or more per crash."""
    logger = logging.getLogger(REQUEST_LOG)
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = False


async def get_me(client: httpx.AsyncClient, token: str) -> Answer:
    """GET /users/me with ``token`` as the bearer token."""
    return await answer(client, "GET", "/users/me", headers={"Authorization": f"Bearer {token}"})


def assert_me_refused(seen: Answer, what: str, user: Mapping[str, Any], why: str) -> None:
    """``seen`` (GET /users/me with ``what``) is a 401; else say what got in, and ``why`` not."""
    if seen.status == 200:
        message = (
            f"GET /users/me with {what} answered {seen}: the route let the caller in as "
            f"{user['email']}. Expected 401: {why}."
        )
    else:
        message = f"GET /users/me with {what} answered {seen}; expected 401 (could not validate credentials)"
    status = seen.status
    assert status == 401, message
