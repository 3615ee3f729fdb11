"""The engine and session factory of one app instance, and the per-request session."""

from collections.abc import AsyncIterator

from fastapi import Request
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
    if settings.database_url.startswith("sqlite") and ":memory:" in settings.database_url:
        # An in-memory SQLite database lives as long as its connection: StaticPool keeps
        # exactly one, shared by every session of this engine.
        return create_async_engine(
            settings.database_url,
            echo=settings.echo_sql,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
        )
    return create_async_engine(settings.database_url, echo=settings.echo_sql, pool_pre_ping=True)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: after commit, attributes stay readable without a new query,
    # which in async code would otherwise raise MissingGreenlet (chapter 03).
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_db(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request, closed when the response is done."""
    async with request.app.state.sessionmaker() as session:
        yield session
