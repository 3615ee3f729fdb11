"""Alembic driven from code on a throwaway database: what the migration tests (the
project's own and pytest-alembic's) share.

Alembic's commands are sync and the app's env.py runs its own event loop (asyncio.run), so
these helpers are sync too: call them where no loop is running (a sync test, a thread).
"""

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from alembic.config import Config
from sqlalchemy import make_url

from workbook.app.config import Settings
from workbook.scratch_db import scratch_database

# The repository's alembic.ini (the `alembic` CLI's), next to src/.
ALEMBIC_INI = Path(__file__).resolve().parents[3] / "alembic.ini"


def alembic_config(database_url: str | None = None, *, stdout: TextIO | None = None) -> Config:
    """The repository's alembic.ini, quiet, pointed at ``database_url`` when given.

    Quiet: env.py leaves logging alone (the CLI's fileConfig would replace the caller's
    handlers and log to stderr); command output goes to ``stdout`` when given.
    """
    config = Config(ALEMBIC_INI, stdout=stdout) if stdout is not None else Config(ALEMBIC_INI)
    config.attributes["configure_logger"] = False
    if database_url is not None:
        # configparser reads '%' as interpolation: a password may hold one
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


@contextmanager
def empty_database(folder: Path, configured_url: str | None = None) -> Iterator[str]:
    """The URL of an empty database of the configured kind, removed afterwards: a SQLite
    *file* in ``folder`` (an in-memory database would vanish between Alembic's
    connections), or a scratch database next to a PostgreSQL one."""
    configured = configured_url or Settings().database_url
    if make_url(configured).get_backend_name() == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / 'migrations.db'}"
        return
    # scratch_database is async: enter and leave it on a loop of our own, which is not
    # running in between (when the caller and env.py's asyncio.run do their work).
    with asyncio.Runner() as runner:
        scratch = scratch_database(configured)
        url = runner.run(scratch.__aenter__())
        try:
            yield url
        finally:
            runner.run(scratch.__aexit__(None, None, None))
