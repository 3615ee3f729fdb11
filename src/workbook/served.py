"""Serve the reference app with uvicorn on 127.0.0.1, inside the running event loop: real
HTTP and real WebSockets over loopback TCP, for tests and benchmarks that must not go
around the server (LiveApp calls the app in-process instead).

    async with served_app() as served:
        async with httpx.AsyncClient(base_url=served.url) as client: ...
        async with websockets.asyncio.client.connect(served.ws_url("/ws/rooms/lobby")) as ws: ...

The server runs its lifespan, listens on a free port and is stopped on exit. Start-up is
bounded: a server that fails to start raises ``ServerDidNotStart`` instead of hanging.
"""

import asyncio
import socket
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from workbook.app.config import Settings
from workbook.app.main import create_app
from workbook.live import DEMO_PASSWORD
from workbook.scratch_db import scratch_database

HOST = "127.0.0.1"


class ServerDidNotStart(RuntimeError):
    """uvicorn stopped, or did not finish starting in time, before serving a request."""


@dataclass(frozen=True)
class ServedApp:
    app: FastAPI
    url: str  # http://127.0.0.1:<port>

    def ws_url(self, path: str) -> str:
        return "ws" + self.url.removeprefix("http") + path

    async def sign_up(self, email: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
        """POST /users, then POST /auth/token (a form), over HTTP: the new user's ``id``
        with its tokens (``access_token``, ``refresh_token``, ...)."""
        async with httpx.AsyncClient(base_url=self.url, timeout=5.0) as client:
            created = await client.post("/users", json={"email": email, "password": password})
            if created.status_code != 201:
                raise AssertionError(f"POST /users {email} answered {created.status_code}: {created.text}")
            login = await client.post("/auth/token", data={"username": email, "password": password})
            if login.status_code != 200:
                raise AssertionError(f"POST /auth/token as {email} answered {login.status_code}: {login.text}")
        return {"id": created.json()["id"], **login.json()}


@asynccontextmanager
async def serve(app: Any, *, start_timeout: float = 5.0, stop_timeout: float = 5.0) -> AsyncIterator[str]:
    """Serve ``app`` on a free port of 127.0.0.1; yield its base URL (``http://...``)."""
    # Bind the port here: uvicorn then only listens on it, and no port-in-use race is left.
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((HOST, 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(
        app,
        lifespan="on",
        log_config=None,  # leave the process's logging alone; records reach the root logger
        access_log=False,
        timeout_graceful_shutdown=stop_timeout,  # open WebSockets do not hold the stop
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(_without_system_exit(server.serve(sockets=[listener])), name="uvicorn")
    try:
        try:
            await _until_started(server, task, start_timeout)
        except BaseException:
            task.cancel()  # stuck in start-up, or already ended: nothing to stop gracefully
            await asyncio.gather(task, return_exceptions=True)
            raise
        try:
            yield f"http://{HOST}:{port}"
        finally:
            server.should_exit = True
            await asyncio.wait_for(task, stop_timeout + 1)  # cancels it if it overruns
    finally:
        listener.close()


async def _without_system_exit(serving: Coroutine[Any, Any, None]) -> None:
    # uvicorn calls sys.exit() when the lifespan start-up fails: in a task, SystemExit
    # would leave the event loop and end the whole process (the test run, the notebook).
    try:
        await serving
    except SystemExit as exc:
        raise ServerDidNotStart(f"uvicorn exited with status {exc.code} during start-up (its log says why)") from None


async def _until_started(server: uvicorn.Server, task: "asyncio.Task[None]", timeout: float) -> None:
    try:
        async with asyncio.timeout(timeout):
            while not server.started:
                if task.done():
                    task.result()  # raises ServerDidNotStart, or whatever else stopped it
                    raise ServerDidNotStart("uvicorn returned before it started serving")
                await asyncio.sleep(0.005)  # uvicorn offers no start-up event: poll its flag
    except TimeoutError:
        raise ServerDidNotStart(f"uvicorn did not start within {timeout} s") from None


@asynccontextmanager
async def served_app(settings: Settings | None = None, **create_app_options: Any) -> AsyncIterator[ServedApp]:
    """``create_app(...)`` on a scratch database, served by ``serve``."""
    settings = settings or Settings()
    async with scratch_database(settings.database_url) as url:
        app = create_app(settings.model_copy(update={"database_url": url}), **create_app_options)
        async with serve(app) as base_url:
            yield ServedApp(app, base_url)
