"""The app factory. Every call builds an independent app: its own engine, its own database.

Serve it with `uvicorn --factory workbook.app.main:create_app` (or `workbook serve`).
"""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta

from fastapi import APIRouter, FastAPI

from workbook import __version__
from workbook.app.api.errors import register_error_handlers
from workbook.app.api.routes import agents, auth, health, oauth, rooms, users
from workbook.app.config import Settings
from workbook.app.db import create_engine, create_sessionmaker
from workbook.app.models import Base
from workbook.app.realtime import Broker, ConnectionManager, InMemoryBroker
from workbook.app.security.passwords import password_hasher
from workbook.app.security.tokens import TokenService
from workbook.app.services.oauth_login import PendingLogins


def create_app(
    settings: Settings | None = None,
    *,
    extra_routers: Sequence[APIRouter] = (),
    broker: Broker | None = None,
    connection_manager: ConnectionManager | None = None,
) -> FastAPI:
    """Build an app. ``extra_routers`` are included before the app's own routers, so a
    route of theirs on the same method and path takes its place (how a kata plugs in a
    learner's endpoint). The OpenAPI document still describes the app's own route for
    such a path (FastAPI lets the last one included win there): to check the schema a
    replacing route publishes, build a FastAPI() with that router alone.

    ``broker`` carries room broadcasts between app instances; pass one InMemoryBroker to
    several apps to try that in one process. By default: Redis when settings.redis_url is
    set, else an in-memory broker of this app's own. ``connection_manager`` replaces the
    app's ConnectionManager (how a kata plugs in a learner's).
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings)
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        own_redis = broker is None and settings.redis_url is not None
        if own_redis:
            from workbook.app.realtime.redis_broker import RedisBroker  # only apps with Redis pay for it

            app.state.broker = RedisBroker.from_url(settings.redis_url)
        else:
            app.state.broker = broker or InMemoryBroker()
        app.state.connection_manager = manager = connection_manager or ConnectionManager()
        try:
            if settings.create_schema:
                async with engine.begin() as connection:
                    await connection.run_sync(Base.metadata.create_all)
            # This instance's sockets get every broadcast published to the broker, from
            # any instance.
            async with app.state.broker.subscribe(manager.broadcast):
                yield
        finally:
            await engine.dispose()  # also when start-up failed: no connection left open
            if own_redis:
                await app.state.broker.aclose()

    app = FastAPI(title=settings.app_name, version=__version__, lifespan=lifespan)
    app.state.settings = settings
    app.state.password_hasher = password_hasher(settings)
    app.state.token_service = TokenService.from_settings(settings)
    app.state.pending_logins = PendingLogins(ttl=timedelta(seconds=settings.oauth_login_ttl_s))
    register_error_handlers(app)
    for router in (*extra_routers, health.router, auth.router, oauth.router, users.router, agents.router, rooms.router):
        app.include_router(router)
    return app
