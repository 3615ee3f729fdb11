"""Kata 10 — the column no migration creates.

Your revision file goes on top of a copy of the app's migrations, in a temporary folder.
Each test runs `alembic upgrade` / `alembic downgrade` there (Alembic's command API) on a
SQLite file of its own, then compares the database with the models as `alembic check`
does, and reads the agents back. Nothing is written into this folder.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData

from workbook.app.models import Base as AppBase
from workbook.testing.migrations import (
    ScratchMigrations,
    assert_schema_matches,
    column_names,
    read_rows,
    scratch_migrations,
)

REVISION = "f653c994e944_agent_priority.py"
OWNER = {"id": 1, "email": "ada@example.com", "full_name": "Ada", "hashed_password": "!", "is_active": True}
AGENTS = [
    {"owner_id": 1, "name": "triage", "description": "sorts incoming tickets", "status": "idle", "agent_metadata": {}},
    {"owner_id": 1, "name": "billing", "description": None, "status": "running", "agent_metadata": {"plan": "pro"}},
    {"owner_id": 1, "name": "night-shift", "description": "answers after hours", "status": "idle", "agent_metadata": {}},
]


@pytest.fixture(scope="module")
def migrations(kata) -> Iterator[ScratchMigrations]:
    """The app's migrations with your revision on top, in a temporary folder of their own."""
    with scratch_migrations(kata.kata.path / REVISION) as migrations:
        yield migrations


@pytest.fixture(scope="module")
def models(kata) -> MetaData:
    """What the schema must be after your revision: models.py."""
    return kata.component("models").Base.metadata


@pytest.fixture(scope="module")
def agents_stored_before(migrations: ScratchMigrations) -> Path:
    """A database at the app's newest revision (the one yours revises) holding three agents,
    as production's is when your revision is deployed. Each test works on a copy."""
    return migrations.database_before({"users": [OWNER], "agents": AGENTS})


def test_upgrade_head_on_a_new_database_builds_the_models_schema(migrations, models):
    database = migrations.database_before()
    where = "on a new database (the app's migrations applied, no rows yet)"
    migrations.upgrade(database, "head", where=where)

    assert_schema_matches(
        database,
        models,
        done=f"`alembic upgrade head` {where}",
        models_named="models.py",
        why=". The app's queries name every column of its models, so with this schema they fail with 'no such column'.",
    )


def test_upgrade_keeps_the_stored_agents_and_gives_each_the_default_priority(
    migrations, agents_stored_before
):
    database = migrations.copy_of(agents_stored_before)
    where = f"from revision {migrations.previous}, on a database holding {len(AGENTS)} agents,"
    migrations.upgrade(database, "head", where=where)

    columns = column_names(database, "agents")
    created = "priority" in columns
    assert created, (
        f"`alembic upgrade head` {where} left the agents table with the columns {columns}; "
        f"expected a priority column too (models.py)"
    )
    rows = read_rows(database, "SELECT name, priority FROM agents ORDER BY id")
    expected = [{"name": agent["name"], "priority": 0} for agent in AGENTS]
    kept = rows == expected
    assert kept, (
        f"`alembic upgrade head` {where} then the agents read {rows}; expected every agent "
        f"that existed before to be kept, with priority 0: the value a new agent gets "
        f"(models.py), so the dispatcher treats them all as normal"
    )


def test_downgrade_takes_the_column_away_and_keeps_the_agents(migrations, agents_stored_before):
    database = migrations.copy_of(agents_stored_before)
    where = f"on a database holding {len(AGENTS)} agents"
    migrations.upgrade(database, "head", where=where)
    migrations.downgrade(database, "-1", where="right after `alembic upgrade head`")

    assert_schema_matches(
        database,
        AppBase.metadata,
        done=f"`alembic upgrade head` {where}, then `alembic downgrade -1`",
        models_named="the app's models before the change (src/workbook/app/models)",
        why=": a downgrade undoes exactly what its upgrade did, so the previous release runs again on the database.",
    )
    rows = read_rows(database, "SELECT name, description FROM agents ORDER BY id")
    expected = [{"name": agent["name"], "description": agent["description"]} for agent in AGENTS]
    kept = rows == expected
    assert kept, (
        f"`alembic upgrade head` {where}, then `alembic downgrade -1`: the agents read {rows}; "
        f"expected them as they were stored, {expected}"
    )
