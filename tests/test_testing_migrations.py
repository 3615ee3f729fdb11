"""workbook.testing.migrations, which the chapter-10 katas stand on: the app's migrations
plus one revision run on scratch SQLite files, failures as plain assertions, schema
differences in words, nothing written beside the revision file and nothing printed."""

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, String

from workbook.app.models import Base
from workbook.katas.catalog import discover
from workbook.testing.migrations import (
    ScratchMigrations,
    app_head,
    app_head_database,
    app_models_copy,
    column_names,
    read_rows,
    schema_drift,
    scratch_migrations,
)

ROOT = Path(__file__).resolve().parents[1]
MIGRATION_KATAS = [kata for kata in discover(ROOT / "katas") if kata.chapter == 10]


def revision_file(folder: Path, *upgrade: str, down_revision: str | None = None) -> Path:
    """A revision on top of the app's head whose upgrade() runs the lines ``upgrade``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "0123456789ab_trial.py"
    body = "\n".join(f"    {line}" for line in upgrade)
    path.write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "0123456789ab"\ndown_revision = {down_revision or app_head()!r}\n\n\n'
        f"def upgrade():\n{body}\n\n\ndef downgrade():\n    pass\n"
    )
    return path


def test_the_revision_runs_on_top_of_the_app_and_nothing_is_written_beside_it(tmp_path, capfd):
    learner = revision_file(
        tmp_path / "learner", 'op.add_column("agents", sa.Column("rank", sa.Integer(), nullable=True))'
    )
    with scratch_migrations(learner) as migrations:
        database = migrations.database_before()
        migrations.upgrade(database)

        assert (migrations.previous, migrations.head) == (app_head(), "0123456789ab")
        assert migrations.current(database) == "0123456789ab"
        assert "rank" in column_names(database, "agents")
    assert not migrations.folder.exists(), "the scratch folder outlived its with block"
    assert sorted(p.name for p in learner.parent.iterdir()) == [learner.name]
    printed = capfd.readouterr()
    assert (printed.out, printed.err) == ("", ""), f"Alembic printed {printed}"


def test_a_revision_that_does_not_revise_the_app_head_is_refused_with_the_reason(tmp_path):
    stray = revision_file(tmp_path / "learner", "pass", down_revision="781d570ffeaa")
    with pytest.raises(AssertionError, match=f"down_revision is the app's newest revision, '{app_head()}'"):
        ScratchMigrations(tmp_path / "scratch", stray)


def test_a_revision_file_that_does_not_load_is_refused_with_the_reason(tmp_path):
    broken = revision_file(tmp_path / "learner", "op.add_column(")
    with pytest.raises(AssertionError, match="could not load the revision files, 0123456789ab_trial.py among them: SyntaxError"):
        ScratchMigrations(tmp_path / "scratch", broken)


def test_a_failing_command_becomes_an_assertion_naming_it_where_and_why(tmp_path):
    failing = revision_file(tmp_path / "learner", 'op.execute("UPDATE agents SET nowhere = 1")')
    migrations = ScratchMigrations(tmp_path / "scratch", failing)
    database = migrations.database_before()
    with pytest.raises(AssertionError) as raised:
        migrations.upgrade(database, where="on a test database")
    assert str(raised.value).startswith(
        "`alembic upgrade head` on a test database failed with OperationalError:"
    ) and "no such column: nowhere" in str(raised.value), raised.value


def test_stored_rows_survive_in_every_copy_and_copies_are_independent(tmp_path):
    migrations = ScratchMigrations(tmp_path / "scratch")
    owner = {"id": 1, "email": "a@example.com", "full_name": "A", "hashed_password": "!", "is_active": True}
    template = migrations.database_before({"users": [owner]})
    copy = migrations.copy_of(template)
    migrations.downgrade(copy, "base")

    assert read_rows(template, "SELECT email FROM users") == [{"email": "a@example.com"}]
    tables_left = {row["name"] for row in read_rows(copy, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables_left == {"alembic_version"}, tables_left
    assert read_rows(app_head_database(), "SELECT COUNT(*) AS n FROM users") == [{"n": 0}]


def test_the_app_head_database_matches_the_app_models():
    assert schema_drift(app_head_database(), Base.metadata) == []


def test_schema_differences_are_told_in_words():
    models = app_models_copy()
    agents = models.tables["agents"]
    agents.append_column(Column("priority", Integer, nullable=False))
    users = app_models_copy(without={"agents", "refresh_sessions"})  # tables the database has more
    users.tables["users"].append_column(Column("nickname", String(20)))

    assert schema_drift(app_head_database(), models) == [
        "add_column agents.priority (INTEGER NOT NULL): the models have it, no migration creates it"
    ]
    told = schema_drift(app_head_database(), users)
    assert "add_column users.nickname (VARCHAR(20)): the models have it, no migration creates it" in told
    assert "remove_table agents: the database has it, the models do not" in told


def test_changed_columns_are_told_with_both_sides(tmp_path):
    migrations = ScratchMigrations(
        tmp_path / "scratch",
        revision_file(
            tmp_path / "learner",
            'with op.batch_alter_table("agents") as batch_op:',
            '    batch_op.alter_column("status", existing_type=sa.String(20), type_=sa.Text(), nullable=True)',
            '    batch_op.add_column(sa.Column("extra", sa.Integer(), nullable=True))',
        ),
    )
    database = migrations.database_before()
    migrations.upgrade(database)

    assert sorted(schema_drift(database, Base.metadata)) == [
        "modify_nullable agents.status: NULL allowed in the database, NOT NULL in the models",
        "modify_type agents.status: TEXT in the database, VARCHAR(20) in the models",
        "remove_column agents.extra (INTEGER): the database has it, the models do not",
    ]


@pytest.mark.parametrize("kata", MIGRATION_KATAS, ids=lambda kata: kata.name)
def test_migration_katas_revise_the_app_head(kata, tmp_path):
    """A new revision in the app moves its head: each chapter-10 kata's revision (shipped,
    solution, variants) must then revise the new head, or the kata has two heads."""
    files = [kata.path / name for name in kata.edit]
    files += [ROOT / "solutions" / kata.name / name for name in kata.edit]
    files += sorted((ROOT / "tests" / "kata_variants" / kata.name).glob("*/*/*.py"))
    for number, path in enumerate(files):
        try:
            ScratchMigrations(tmp_path / str(number), path)
        except AssertionError as exc:
            pytest.fail(f"{path.relative_to(ROOT)}: {exc}", pytrace=False)
