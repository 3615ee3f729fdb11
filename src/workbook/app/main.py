"""The app factory. Every call builds an independent app: its own engine, its own database.

Serve it with `uvicorn --factory workbook.app.main:create_app` (or `workbook serve`).
"""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta

from fastapi import APIRouter, FastAPI
from starlette.middleware.cors import CORSMiddleware

from workbook import __version__
from workbook.app.api.errors import register_error_handlers
from workbook.app.api.routes import agents, auth, health, metrics, oauth, rooms, users, web
from workbook.app.config import Settings
from workbook.app.db import create_engine, create_sessionmaker
from workbook.app.models import Base
from workbook.app.observability.logs import LogContextBinder, bind_request_context
from workbook.app.observability.metrics import HttpMetrics, RouteLabeller, label_by_route_template
from workbook.app.observability.request_context import RequestContextMiddleware
from workbook.app.observability.tracing import Tracing
from workbook.app.realtime import Broker, ConnectionManager, InMemoryBroker
from workbook.app.security.cors import CorsOptions, cors_options as default_cors_options
from workbook.app.security.csrf import CsrfProtection
from workbook.app.security.headers import SecurityHeadersMiddleware
from workbook.app.security.rate_limit import RateLimiter
from workbook.app.security.passwords import password_hasher
from workbook.app.security.tokens import TokenService
from workbook.app.services.oauth_login import PendingLogins


def create_app(
    settings: Settings | None = None,
    *,
    extra_routers: Sequence[APIRouter] = (),
    broker: Broker | None = None,
    connection_manager: ConnectionManager | None = None,
    log_context: LogContextBinder = bind_request_context,
    route_labeller: RouteLabeller = label_by_route_template,
    cors_options: CorsOptions | None = None,
) -> FastAPI:
    """Build an app. ``extra_routers`` are included before the app's own routers, so a
    route of theirs on the same method and path takes its place (how a kata plugs in a
    learner's endpoint). The OpenAPI document still describes the app's own route for
    such a path (FastAPI lets the last one included win there): to check the schema a
    replacing route publishes, build a FastAPI() with that router alone.

    ``broker`` carries room broadcasts between app instances; pass one InMemoryBroker to
    several apps to try that in one process. By default: Redis when settings.redis_url is
    set, else an in-memory broker of this app's own. ``connection_manager`` replaces the
    app's ConnectionManager (how a kata plugs in a learner's). ``cors_options`` turns the
    settings into CORSMiddleware's arguments (security.cors; a kata plugs its own in).

    Monitoring (chapter 09): ``log_context`` binds a request's context for its log lines,
    ``route_labeller`` names the route label of its metrics; chapter-09 katas plug theirs
    in here. Each app has its own metrics registry (``app.state.metrics``) and tracer
    provider (``app.state.tracing``).
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings)
        tracing.trace_engine(engine)
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
            tracing.flush()
            if own_redis:
                await app.state.broker.aclose()

    tracing = Tracing(settings)
    app = FastAPI(
        title=settings.app_name,
        version=__version__,
        lifespan=lifespan,
        # FastAPI's own OpenTelemetry spans (a server span per request or WebSocket named
        # by its route template, and a span per dependency, endpoint, serialization),
        # on this app's provider; skipped while nothing records them. Metrics are
        # Prometheus' (below); logs are structlog's.
        telemetry={
            "tracer_provider": tracing.provider,
            "exclude": tracing.skip_request,
            "metrics": False,
            "logs": False,
        },
    )
    app.state.settings = settings
    app.state.metrics = http_metrics = HttpMetrics()
    app.state.tracing = tracing
    app.state.password_hasher = password_hasher(settings)
    app.state.token_service = TokenService.from_settings(settings)
    app.state.pending_logins = PendingLogins(ttl=timedelta(seconds=settings.oauth_login_ttl_s))
    register_error_handlers(app)
    routers = (health.router, auth.router, oauth.router, users.router, agents.router, rooms.router, web.router)
    for router in (*extra_routers, *routers, metrics.router):
        app.include_router(router)
    # Starlette runs the middleware added last first. From the outside in: proxy headers
    # (the real client, before anyone looks at it), the request context (every answer
    # logged, counted and given its X-Request-ID, CORS preflights too), then the
    # security headers and CORS.
    add_security_layers(app, settings, cors_options or default_cors_options)
    # Runs inside FastAPI's request span: its log lines carry the trace id.
    app.add_middleware(
        RequestContextMiddleware, metrics=http_metrics, log_context=log_context, route_labeller=route_labeller
    )
    trust_proxies(app, settings)
    return app


def add_security_layers(app: FastAPI, settings: Settings, cors_options: CorsOptions) -> None:
    """Chapter 08's app-wide defences: counters for the rate limits, the CSRF token
    issuer, CORS and the security headers."""
    app.state.rate_limiter = RateLimiter({"login": settings.rate_limit_login, "search": settings.rate_limit_search})
    app.state.csrf_protection = CsrfProtection(settings.csrf_secret.get_secret_value())
    app.add_middleware(CORSMiddleware, **cors_options(settings))
    app.add_middleware(SecurityHeadersMiddleware)


def trust_proxies(app: FastAPI, settings: Settings) -> None:
    """Believe X-Forwarded-For (and -Proto) from the configured proxies only, read right
    to left: the first address that is not a trusted proxy is the client. Add it last, so
    it runs first."""
    if settings.trusted_proxies:
        from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware  # ~60 ms: only apps behind proxies

        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))

