"""Alembic driven from code on throwaway databases: what the migration tests (the project's
own and pytest-alembic's), notebook 10 and the chapter-10 katas share.

Alembic's commands are sync and the app's env.py runs its own event loop (asyncio.run)
unless it is handed a connection, so these helpers are sync: call them where no loop is
running (a sync test, a thread).

``alembic_config`` is the repository's alembic.ini, quiet; ``empty_database`` an empty
database of the configured kind (a SQLite file, or a PostgreSQL scratch database).

For the katas, the app's migrations run for real on SQLite files in a temporary folder with
one more revision on top. ``ScratchMigrations`` assembles a script directory of its own: a copy of the app's env.py,
script.py.mako and versions/, plus one revision file (a learner's). Nothing is written next
to that file or into the app. Commands go through Alembic's command API on a sync connection
handed to env.py in ``config.attributes["connection"]`` (the path env.py documents for
callers that own the connection): they need no event loop, so they run in plain sync tests,
and print nothing (Alembic's output goes to a buffer; env.py leaves logging alone).

Databases are files: ``app_head_database`` runs the app's migrations once per process,
and ``database_before`` / ``copy_of`` copy it (with rows stored) for each test, which
costs a file copy instead of a migration run. ``schema_drift`` compares a database with
models as ``alembic check`` does (autogenerate's comparison, column types included) and
says each difference in words.
"""

import asyncio
import atexit
import functools
import io
import itertools
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, create_engine, event, insert, inspect, make_url, text
from sqlalchemy.pool import NullPool

import workbook.app
from workbook.app.config import Settings
from workbook.app.models import Base
from workbook.scratch_db import scratch_database

Rows = Mapping[str, Sequence[Mapping[str, Any]]]  # {table: [row, ...]}

APP_MIGRATIONS = Path(workbook.app.__file__).resolve().parent / "migrations"

# The repository's alembic.ini (the `alembic` CLI's), next to src/.
ALEMBIC_INI = Path(__file__).resolve().parents[3] / "alembic.ini"


def app_head() -> str:
    """The newest revision of the app's own migrations."""
    head = ScriptDirectory(str(APP_MIGRATIONS)).get_current_head()
    assert head is not None, f"{APP_MIGRATIONS} holds no revision"
    return head


def app_models_copy(*, without: Collection[str] = ()) -> MetaData:
    """A copy of the app's tables (naming convention included), ``without`` some of them:
    models that differ from the app's are declared on it, and the app's own models, which
    every other test and kata uses, stay as they are."""
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        if table.name not in without:
            table.to_metadata(metadata)
    return metadata


def without_durability(dbapi_connection: Any, connection_record: Any) -> None:
    # A scratch file dies with the test: no fsync per commit (the disk is shared, and each
    # migration commits several times), the journal in memory.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous = OFF")
    cursor.execute("PRAGMA journal_mode = MEMORY")
    cursor.close()


@contextmanager
def connected(database: Path) -> Iterator[Connection]:
    """A connection to the SQLite file ``database`` in a transaction, committed on exit.
    No PRAGMA foreign_keys, as in env.py's own engine: batch mode's table copies rely on it."""
    engine = create_engine(f"sqlite:///{database}", poolclass=NullPool)
    event.listen(engine, "connect", without_durability)
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


class ScratchMigrations:
    """The app's migrations plus ``revision_file`` (none: the app's alone), in a script
    directory of their own under ``folder``; the databases it makes go there too."""

    def __init__(self, folder: Path, revision_file: Path | None = None) -> None:
        self.folder = folder
        self._databases = itertools.count(1)
        self.location = folder / "migrations"
        versions = self.location / "versions"
        versions.mkdir(parents=True)
        for name in ("env.py", "script.py.mako"):
            shutil.copy(APP_MIGRATIONS / name, self.location / name)
        for source in (APP_MIGRATIONS / "versions").glob("*.py"):
            shutil.copy(source, versions / source.name)
        self.previous = app_head()
        self.head = self.previous
        if revision_file is not None:
            shutil.copy(revision_file, versions / revision_file.name)
            self.head = self._head_on_top_of(self.previous, revision_file.name)

    def _head_on_top_of(self, previous: str, file_name: str) -> str:
        try:
            heads = ScriptDirectory(str(self.location)).get_heads()  # loads every revision file
        except Exception as exc:
            raise AssertionError(
                f"Alembic could not load the revision files, {file_name} among them: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        assert len(heads) == 1 and heads[0] != previous, (
            f"{file_name} must be the one revision on top of the app's migrations: its "
            f"down_revision is the app's newest revision, {previous!r}. With it, `alembic "
            f"heads` lists {heads}. Keep the revision and down_revision lines as shipped."
        )
        return heads[0]

    def config(self, connection: Connection) -> Config:
        config = Config(stdout=io.StringIO())  # what `alembic current` would print
        config.set_main_option("script_location", str(self.location))
        config.attributes["configure_logger"] = False
        config.attributes["connection"] = connection
        return config

    def upgrade(self, database: Path, target: str = "head", *, where: str = "") -> None:
        """`alembic upgrade <target>` on ``database``; if it raises, an AssertionError says
        which command failed, ``where`` (e.g. "on a database holding 3 agents"), and why."""
        self._run(command.upgrade, "upgrade", target, database, where)

    def downgrade(self, database: Path, target: str = "-1", *, where: str = "") -> None:
        self._run(command.downgrade, "downgrade", target, database, where)

    def database_before(self, rows: Rows | None = None) -> Path:
        """A new SQLite file at the app's newest revision, the one before the revision
        file's, holding ``rows`` (see store_rows): what production holds when the revision
        is deployed. Copied from app_head_database, so the app's migrations run once per
        process, not once per test."""
        database = self.copy_of(app_head_database())
        store_rows(database, rows or {})
        return database

    def copy_of(self, database: Path) -> Path:
        """A new SQLite file with the same schema, revision and rows as ``database``:
        a file copy (microseconds) instead of running migrations again."""
        copy = self.folder / f"database_{next(self._databases)}.sqlite"
        shutil.copy(database, copy)
        return copy

    def current(self, database: Path) -> str | None:
        """The revision the database is at (what `alembic current` reads)."""
        with connected(database) as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def _run(self, run: Callable[[Config, str], None], verb: str, target: str, database: Path, where: str) -> None:
        try:
            with connected(database) as connection:
                run(self.config(connection), target)
        except Exception as exc:
            reason = str(exc).splitlines()[0] if str(exc) else ""
            ran = " ".join(filter(None, [f"`alembic {verb} {target}`", where]))
            raise AssertionError(f"{ran} failed with {type(exc).__name__}: {reason}") from exc


@functools.cache
def app_head_database() -> Path:
    """An empty database upgraded to the app's newest revision, built the first time it is
    asked for in this process and reused after: callers copy it, never change it. It lives
    in a temporary folder of its own, removed when the process exits."""
    folder = Path(tempfile.mkdtemp(prefix="workbook_app_head_"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    scratch = ScratchMigrations(folder)
    database = folder / "app_head.db"
    scratch.upgrade(database, scratch.head, where="on an empty database")
    return database


@contextmanager
def scratch_migrations(revision_file: Path) -> Iterator[ScratchMigrations]:
    """ScratchMigrations in a temporary folder of its own, removed on exit (what a kata's
    module fixture holds: no pytest tmp_path, whose set-up prunes old runs' folders)."""
    with tempfile.TemporaryDirectory(prefix="workbook_migrations_") as folder:
        yield ScratchMigrations(Path(folder), revision_file)


def store_rows(database: Path, rows: Rows) -> None:
    """Insert ``{table: [row, ...]}`` in that order, through the app's models' tables (the
    database must be at the app's head, where they match)."""
    with connected(database) as connection:
        for table, values in rows.items():
            connection.execute(insert(Base.metadata.tables[table]), list(values))


def column_names(database: Path, table: str) -> list[str]:
    with connected(database) as connection:
        return [column["name"] for column in inspect(connection).get_columns(table)]


def read_rows(database: Path, sql: str) -> list[dict[str, Any]]:
    with connected(database) as connection:
        return [dict(row) for row in connection.execute(text(sql)).mappings()]


def schema_drift(database: Path, models: MetaData) -> list[str]:
    """What autogenerate would still do to bring ``database`` to ``models``, one line each;
    [] when they match. The comparison `alembic check` makes: tables, columns, types,
    nullability, indexes and constraints (server defaults are not compared, as by default)."""
    with connected(database) as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, models)
    lines = []
    for diff in diffs:
        # A changed column comes as a list of its changes; everything else as one tuple.
        lines.extend(describe(change) for change in (diff if isinstance(diff, list) else [diff]))
    return lines


def assert_schema_matches(database: Path, models: MetaData, *, done: str, models_named: str, why: str = "") -> None:
    """Fail unless ``database`` is what ``models`` describe (the comparison `alembic check`
    makes), naming every difference; ``done`` says what was run, ``why`` why it matters."""
    drift = schema_drift(database, models)
    matches = not drift
    assert matches, (
        f"{done}, then compared with {models_named} as `alembic check` does: "
        f"{len(drift)} difference(s) left\n{listed(drift)}\nExpected none{why}"
    )


def listed(lines: Sequence[str]) -> str:
    """Lines as an indented list, for a failure message."""
    return "\n".join(f"  - {line}" for line in lines)


IN_MODELS = "the models have it, no migration creates it"
IN_DATABASE = "the database has it, the models do not"


def describe(diff: tuple[Any, ...]) -> str:
    """One autogenerate difference, in words."""
    kind = diff[0]
    if kind in ("add_table", "remove_table"):
        return f"{kind} {diff[1].name}: {IN_MODELS if kind == 'add_table' else IN_DATABASE}"
    if kind in ("add_column", "remove_column"):
        _, _, table, column = diff
        null = "" if column.nullable else " NOT NULL"
        where = IN_MODELS if kind == "add_column" else IN_DATABASE
        return f"{kind} {table}.{column.name} ({column.type}{null}): {where}"
    if kind == "modify_nullable":
        _, _, table, column, _, in_database, in_models = diff
        allowed = {True: "NULL allowed", False: "NOT NULL"}
        return (
            f"modify_nullable {table}.{column}: {allowed[in_database]} in the database, "
            f"{allowed[in_models]} in the models"
        )
    if kind == "modify_type":
        _, _, table, column, _, in_database, in_models = diff
        return f"modify_type {table}.{column}: {in_database} in the database, {in_models} in the models"
    if kind.startswith(("add_", "remove_")):  # indexes, unique and foreign-key constraints
        item = diff[1]
        table = getattr(getattr(item, "table", None), "name", "?")
        where = IN_MODELS if kind.startswith("add_") else IN_DATABASE
        return f"{kind} {item.name} on {table}: {where}"
    return " ".join(map(str, diff))


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
