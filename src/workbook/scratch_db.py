"""A throwaway database per app instance, so every notebook run and test starts empty.

In-memory SQLite is fresh by construction. On PostgreSQL a uniquely named database is
created next to the configured one and dropped afterwards.
"""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine


@asynccontextmanager
async def scratch_database(database_url: str) -> AsyncIterator[str]:
    """Yield the URL of an empty database, removed on exit."""
    url = make_url(database_url)
    if not url.drivername.startswith("postgresql"):
        yield database_url  # SQLite in memory: each engine already has its own database
        return
    name = f"workbook_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as connection:
                await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()
