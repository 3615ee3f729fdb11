"""The engine and session factory of one app instance, and the per-request session."""

from collections.abc import AsyncIterator

from starlette.requests import HTTPConnection
from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from workbook.app.config import Settings


def create_engine(settings: Settings) -> AsyncEngine:
    """One engine per app instance, so instances never share a database by accident."""
    if not settings.database_url.startswith("sqlite"):
        return create_async_engine(settings.database_url, echo=settings.echo_sql, pool_pre_ping=True)
    if ":memory:" in settings.database_url:
        # An in-memory SQLite database lives as long as its connection: StaticPool keeps
        # exactly one, shared by every session of this engine.
        engine = create_async_engine(
            settings.database_url,
            echo=settings.echo_sql,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
        )
    else:
        engine = create_async_engine(settings.database_url, echo=settings.echo_sql)
    event.listen(engine.sync_engine, "connect", enforce_foreign_keys)
    return engine


def enforce_foreign_keys(dbapi_connection, connection_record) -> None:
    # SQLite ignores foreign keys (and ON DELETE CASCADE) unless each connection asks.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: after commit, attributes stay readable without a new query,
    # which in async code would otherwise raise MissingGreenlet (chapter 03).
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_db(connection: HTTPConnection) -> AsyncIterator[AsyncSession]:
    """One session per request (or WebSocket connection), closed when it is done.

    Typed HTTPConnection, the common base of Request and WebSocket, so WebSocket routes
    can depend on it too."""
    async with connection.app.state.sessionmaker() as session:
        yield session


def get_sessionmaker(connection: HTTPConnection) -> async_sessionmaker[AsyncSession]:
    """The app's session factory, for work that outlives the request's session: a
    background task opens a session of its own with it (chapter 11)."""
    return connection.app.state.sessionmaker
