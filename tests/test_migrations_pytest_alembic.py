"""pytest-alembic's built-in checks over the app's migrations: one head, upgrade from an
empty database to head, the upgraded schema matches the models (autogenerate finds nothing
to do), and every revision goes down and up again one step at a time.

They run on the database of WORKBOOK_DATABASE_URL (a SQLite file by default, a scratch
database on PostgreSQL), through the repository's alembic.ini and the app's env.py: the
``alembic_engine`` below is async, and env.py migrates with it under its own asyncio.run(),
as the CLI does.

pytest-alembic's pytest plugin is switched off (pyproject.toml: -p no:pytest_alembic): its
--test-alembic collection binds to tests/conftest.py and fails to collect on pytest 9. The
checks are imported here instead, and the runner they take is made with pytest-alembic's
own ``runner``, as its plugin would.
"""

from collections.abc import Iterator

import pytest
from alembic.config import Config
from pytest_alembic import MigrationContext, runner
from pytest_alembic.config import Config as PytestAlembicConfig
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from workbook.testing.migrations import alembic_config as repository_alembic_config

pytestmark = pytest.mark.database

__all__ = [  # collected by pytest from this module
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]


@pytest.fixture
def alembic_config() -> Config:
    """pytest-alembic's configuration: the repository's alembic.ini, quiet."""
    return repository_alembic_config()


@pytest.fixture
def alembic_engine(empty_database_url: str) -> AsyncEngine:
    """The database pytest-alembic migrates: empty, of the configured kind. NullPool: each
    env.py run opens its connection on a loop of its own (asyncio.run), which then closes."""
    return create_async_engine(empty_database_url, poolclass=NullPool)


@pytest.fixture
def alembic_runner(alembic_config: Config, alembic_engine: AsyncEngine) -> Iterator[MigrationContext]:
    """What the built-in checks take: the migrations of ``alembic_config`` on ``alembic_engine``."""
    with runner(config=PytestAlembicConfig.from_raw_config(alembic_config), engine=alembic_engine) as context:
        yield context
