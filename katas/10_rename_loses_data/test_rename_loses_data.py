"""Kata 10 — the rename that loses data.

Your revision file goes on top of a copy of the app's migrations, in a temporary folder.
Each test runs `alembic upgrade` / `alembic downgrade` there (Alembic's command API) on a
SQLite file of its own, most of them holding agents stored before the upgrade, then reads
the agents back and compares the database with the models as `alembic check` does.
Nothing is written into this folder.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, text

from workbook.app.models import Base as AppBase
from workbook.testing.migrations import (
    ScratchMigrations,
    assert_schema_matches,
    column_names,
    connected,
    read_rows,
    scratch_migrations,
)

REVISION = "e225f6872576_rename_agent_description_to_summary.py"
OWNER = {"id": 1, "email": "ada@example.com", "full_name": "Ada", "hashed_password": "!", "is_active": True}
AGENTS = [
    {"owner_id": 1, "name": "triage", "description": "Sorts incoming tickets by urgency.", "status": "idle", "agent_metadata": {}},
    {"owner_id": 1, "name": "billing", "description": None, "status": "running", "agent_metadata": {"plan": "pro"}},
    {"owner_id": 1, "name": "café", "description": "Répond en français — 24/7 ✓", "status": "idle", "agent_metadata": {}},
]
DESCRIPTIONS = {agent["name"]: agent["description"] for agent in AGENTS}


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


def by_name(database: Path, column: str) -> dict[str, str | None]:
    """{agent name: value of ``column``}, once the column is there."""
    columns = column_names(database, "agents")
    present = column in columns
    assert present, f"the agents table has the columns {columns}; expected a {column} column"
    return {row["name"]: row[column] for row in read_rows(database, f"SELECT name, {column} FROM agents")}


def test_upgrade_head_on_a_new_database_builds_the_models_schema(migrations, models):
    database = migrations.database_before()
    where = "on a new database (the app's migrations applied, no rows yet)"
    migrations.upgrade(database, "head", where=where)

    assert_schema_matches(database, models, done=f"`alembic upgrade head` {where}", models_named="models.py", why=".")


def test_descriptions_stored_before_the_upgrade_are_the_summaries_after_it(
    migrations, agents_stored_before
):
    database = migrations.copy_of(agents_stored_before)
    where = f"from revision {migrations.previous}, on a database holding {len(AGENTS)} agents,"
    migrations.upgrade(database, "head", where=where)

    summaries = by_name(database, "summary")
    kept = summaries == DESCRIPTIONS
    assert kept, (
        f"`alembic upgrade head` {where} then the agents' summaries read {summaries}; expected "
        f"the descriptions they were stored with, {DESCRIPTIONS}: a rename changes the "
        f"column's name, not its values"
    )


def test_downgrade_gives_the_descriptions_back_with_changes_made_since(
    migrations, agents_stored_before
):
    database = migrations.copy_of(agents_stored_before)
    migrations.upgrade(database, "head", where=f"on a database holding {len(AGENTS)} agents")
    by_name(database, "summary")  # the renamed column is there to write to
    # The new release runs for a while: one agent's summary is written through the new name.
    with connected(database) as connection:
        connection.execute(text("UPDATE agents SET summary = 'Routes tickets.' WHERE name = 'triage'"))
    migrations.downgrade(database, "-1", where="after the upgrade and one summary changed")

    assert_schema_matches(
        database,
        AppBase.metadata,
        done="`alembic upgrade head`, then `alembic downgrade -1`",
        models_named="the app's models before the change (src/workbook/app/models)",
        why=": a downgrade undoes exactly what its upgrade did.",
    )
    descriptions = by_name(database, "description")
    expected = {**DESCRIPTIONS, "triage": "Routes tickets."}
    kept = descriptions == expected
    assert kept, (
        f"`alembic upgrade head`, triage's summary set to 'Routes tickets.', then `alembic "
        f"downgrade -1`: the agents' descriptions read {descriptions}; expected {expected}. "
        f"A downgrade runs when a release is rolled back, on the data as it is by then: it "
        f"must keep every value, including those written after the upgrade"
    )
