"""Run the reference app in-process: from a notebook cell (top-level await) or a test.

    live = await LiveApp.start()
    response = await live.client.get("/health/ready")
    async with live.websocket("/ws/rooms/lobby") as ws: ...
    await live.stop()

The app runs with its lifespan (engine, tables) on a fresh database, and is reached through
an httpx client whose transport calls it directly: no server, no port.
"""

import asyncio
from collections.abc import Callable, Mapping, Sequence
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import TYPE_CHECKING, Any, Self

import httpx
from asgi_lifespan import LifespanManager
from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

if TYPE_CHECKING:
    from httpx_ws import AsyncWebSocketSession


from workbook.app.config import Settings
from workbook.app.main import create_app
from workbook.scratch_db import scratch_database

BASE_URL = "http://live.test"
DEMO_PASSWORD = "correct horse battery"


class LiveApp:
    """A running app instance with a client. Build it with ``await LiveApp.start()``."""

    def __init__(
        self, app: FastAPI, asgi: ASGIApp, client: httpx.AsyncClient, stop: asyncio.Event, owner: asyncio.Task[None]
    ) -> None:
        self.app = app
        self.client = client
        self._asgi = asgi  # the app as the lifespan manager wraps it (with lifespan state)
        self._made = 0  # for fresh emails and names in create_user / create_agent
        self._passwords: dict[int, tuple[str, str]] = {}  # user id -> (email, password), for login
        self._stop = stop
        self._owner = owner

    @classmethod
    async def start(
        cls,
        settings: Settings | None = None,
        *,
        overrides: Mapping[Callable[..., Any], Callable[..., Any]] | None = None,
        routers: Sequence[APIRouter] = (),
        **app_options: Any,
    ) -> Self:
        """Start a new app on an empty database.

        ``overrides`` become ``app.dependency_overrides`` and ``routers`` are included
        ahead of the app's own (a route of theirs replaces the app's on the same path):
        the ways a notebook or a kata plugs its own component into the app. Other keyword
        arguments go to ``create_app``, which documents them: ``broker`` (apps started
        with one deliver each other's room broadcasts), ``connection_manager``,
        ``cors_options``, ``log_context``, ``route_labeller``.
        """
        settings = settings or Settings()
        started: asyncio.Future[tuple[FastAPI, ASGIApp, httpx.AsyncClient]] = asyncio.get_running_loop().create_future()
        stop = asyncio.Event()
        # One task owns the app's lifespan from start to stop: its cancel scopes must be
        # entered and left in the same task, while notebook cells and pytest fixture
        # set-up and tear-down each run in a task of their own.
        owner = asyncio.create_task(cls._serve(settings, overrides or {}, routers, app_options, started, stop))
        try:
            app, asgi, client = await started
        except BaseException:
            stop.set()
            await asyncio.gather(owner, return_exceptions=True)
            raise
        return cls(app, asgi, client, stop, owner)

    @staticmethod
    async def _serve(
        settings: Settings,
        overrides: Mapping[Callable[..., Any], Callable[..., Any]],
        routers: Sequence[APIRouter],
        app_options: Mapping[str, Any],
        started: "asyncio.Future[tuple[FastAPI, ASGIApp, httpx.AsyncClient]]",
        stop: asyncio.Event,
    ) -> None:
        try:
            async with AsyncExitStack() as stack:
                url = await stack.enter_async_context(scratch_database(settings.database_url))
                app = create_app(settings.model_copy(update={"database_url": url}), extra_routers=routers, **app_options)
                app.dependency_overrides.update(overrides)
                manager = await stack.enter_async_context(LifespanManager(app))
                client = await stack.enter_async_context(
                    httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url=BASE_URL)
                )
                started.set_result((app, manager.app, client))
                await stop.wait()
        except BaseException as exc:
            if started.done():
                raise
            started.set_exception(exc)

    async def stop(self) -> None:
        """Close the client, run the app's shutdown, drop the scratch database."""
        self._stop.set()
        await self._owner

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def create_user(self, email: str | None = None, **fields: Any) -> dict[str, Any]:
        """POST /users with a valid body (a fresh email unless given, DEMO_PASSWORD unless
        given); return the user. ``login`` can then sign in as them."""
        self._made += 1
        body = {"email": email or f"user{self._made}@example.com", "password": DEMO_PASSWORD, **fields}
        user = await self._created("/users", body)
        self._passwords[user["id"]] = (user["email"], body["password"])
        return user

    async def login(self, user: Mapping[str, Any] | int) -> dict[str, Any]:
        """POST /auth/token as a user made by ``create_user``: the token pair
        (``access_token``, ``refresh_token``, ...)."""
        user_id = user if isinstance(user, int) else user["id"]
        if user_id not in self._passwords:
            raise LookupError(f"user {user_id} was not made by this LiveApp's create_user: log in with POST /auth/token")
        email, password = self._passwords[user_id]
        response = await self.client.post("/auth/token", data={"username": email, "password": password})
        if response.status_code != 200:
            raise AssertionError(f"POST /auth/token as {email} answered {response.status_code}: {response.text}")
        return response.json()

    async def auth_headers(self, user: Mapping[str, Any] | int) -> dict[str, str]:
        """``{"Authorization": "Bearer <access token>"}`` for a user: a fresh access token
        from the app's own token service (what ``/auth/token`` would issue, minus the
        password check — Argon2 costs tens of milliseconds a call, and notebooks sign in
        often). ``login`` goes through ``/auth/token`` for real."""
        user_id = user if isinstance(user, int) else user["id"]
        token = self.app.state.token_service.issue_access(user_id=user_id).token
        return {"Authorization": f"Bearer {token}"}

    async def create_agent(self, owner_id: int | None = None, **fields: Any) -> dict[str, Any]:
        """POST /agents, signed in as the owner (a user made by ``create_user``; a new one
        unless given), with a valid body (a fresh name unless given)."""
        if owner_id is None:
            owner_id = (await self.create_user())["id"]
        self._made += 1
        body = {"name": f"agent{self._made}", **fields}
        return await self._created("/agents", body, headers=await self.auth_headers(owner_id))

    async def _created(self, path: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> dict[str, Any]:
        response = await self.client.post(path, json=body, headers=headers)
        if response.status_code != 201:
            raise AssertionError(f"POST {path} {body} answered {response.status_code}: {response.text}")
        return response.json()

    @property
    def engine(self) -> AsyncEngine:
        return self.app.state.engine

    def session(self) -> AsyncSession:
        """A new session on the app's database, independent of any request's session:
        what it reads is what was committed, not what some identity map remembers."""
        return self.app.state.sessionmaker()

    @asynccontextmanager
    async def websocket(self, path: str, **kwargs: Any) -> AsyncIterator["AsyncWebSocketSession"]:
        """Open a WebSocket to the app: ``async with live.websocket("/ws/...") as ws``.

        httpx's ASGI transport speaks HTTP only; httpx-ws adds WebSockets (imported here,
        so HTTP-only users never pay for it).
        """
        from httpx_ws import aconnect_ws
        from httpx_ws.transport import ASGIWebSocketTransport

        transport = ASGIWebSocketTransport(app=self._asgi)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            async with aconnect_ws(path, client, **kwargs) as websocket:
                yield websocket

    def transport(self) -> httpx.ASGITransport:
        """A new transport to this app, for a client of your own (say, a browser that also
        visits another in-process app: ``httpx.AsyncClient(mounts=...)``)."""
        return httpx.ASGITransport(app=self._asgi)

    @asynccontextmanager
    async def client_from(self, address: str) -> AsyncIterator[httpx.AsyncClient]:
        """A client whose requests reach the app from peer ``address`` (``live.client``'s
        come from 127.0.0.1): a browser elsewhere, or a reverse proxy in front of the app."""
        transport = httpx.ASGITransport(app=self._asgi, client=(address, 50000))
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            yield client

    def routes(self) -> list[str]:
        """The app's HTTP operations as "METHOD /path  summary" lines, from its OpenAPI."""
        return [
            f"{method.upper():<7}{path:<28}{operation.get('summary', '')}"
            for path, operations in self.app.openapi()["paths"].items()
            for method, operation in operations.items()
        ]
