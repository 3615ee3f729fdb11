"""The pytest plugin behind ``pytest katas`` (enabled by katas/pytest.ini).

It gives kata tests the ``kata`` fixture (metadata and the learner's component), stops a
test that runs too long with a message that says so instead of hanging the run, records
every kata's results in the results file (``--kata-results PATH``, default
.workbook/results.json beside katas/), and ends the run with a scoreboard.
"""

import bdb
import functools
import gc
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from workbook.katas.catalog import FOLDER_NAME, Kata, KataError, discover, load_kata
from workbook.katas.loader import load_module
from workbook.katas.results import KataResult, TestResult, record
from workbook.katas.scoreboard import render
from workbook.katas.shipped import edited_tests


class KataTimeout(BaseException):
    """A kata test ran past its time limit: most often an endless loop in learner code.

    A BaseException, like KeyboardInterrupt, so that an ``except Exception`` in learner
    code cannot swallow it.
    """


class KataUnderTest:
    """What a kata's tests need: its metadata, and the learner's code to plug in."""

    def __init__(self, kata: Kata) -> None:
        self.kata = kata

    def component(self, stem: str) -> ModuleType:
        """The learner's ``<stem>.py`` from the kata folder, freshly imported. It may
        import the kata's other files by bare name (``from agent_registry import ...``)."""
        return load_module(
            self.kata.path / f"{stem}.py",
            namespace=f"kata_{self.kata.slug}",
            siblings={Path(name).stem for name in self.kata.edit},
        )


def kata_folder_of(path: Path) -> Path | None:
    return next((p for p in [path, *path.parents] if FOLDER_NAME.match(p.name)), None)


@functools.cache
def kata_at(folder: Path) -> Kata:
    """The kata's metadata, read once per run (every test asks for its time limit)."""
    return load_kata(folder)


@pytest.fixture(scope="module")
def kata(request: pytest.FixtureRequest) -> KataUnderTest:
    folder = kata_folder_of(request.path)
    assert folder is not None, f"{request.path} is not inside a kata folder (NN_slug)"
    return KataUnderTest(kata_at(folder))


TIMED_OUT = pytest.StashKey[dict[Path, str]]()  # kata folder -> its test that ran out of time


def _time_limited(item: pytest.Item) -> Iterator[None]:
    folder = kata_folder_of(item.path)
    if folder is None or not hasattr(signal, "setitimer"):  # no SIGALRM on Windows
        return (yield)
    timed_out = item.config.stash.setdefault(TIMED_OUT, {})
    if folder in timed_out:
        # The timeout interrupted the kata's shared app and event loop mid-step: the other
        # tests of this kata would only fail in confusing ways. Say what happened instead.
        raise KataTimeout(
            f"{item.name} was not run: {timed_out[folder]} ran out of time first. Look for "
            f"a loop that never ends, or a call that waits forever, in the file you edited."
        )
    limit = kata_at(folder).timeout_seconds

    def on_alarm(signum: int, frame: object) -> None:
        if isinstance(getattr(sys.gettrace(), "__self__", None), bdb.Bdb):
            signal.setitimer(signal.ITIMER_REAL, limit)  # in the debugger: time is theirs
            return
        timed_out[folder] = item.name
        raise KataTimeout(
            f"{item.name} did not finish within {limit:g} s. Look for a loop that never "
            f"ends, or a call that waits forever, in the file you edited."
        )

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return (yield)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def pytest_collection_finish(session: pytest.Session) -> None:
    # What is loaded by now (pytest, FastAPI, SQLAlchemy, the app) lives until exit.
    # Collecting garbage while importing it only walks objects that all survive, so the
    # collector is off until here (see pytest_configure); freezing it then spares every
    # later collection, pytest's own at exit included, from walking it again.
    gc.freeze()
    gc.enable()


# Set-up loads the learner's file (which may loop at import); the call runs their code.
pytest_runtest_setup = pytest.hookimpl(wrapper=True)(_time_limited)
pytest_runtest_call = pytest.hookimpl(wrapper=True)(_time_limited)


class ResultRecorder:
    """Collects one TestResult per kata test, and collection errors, by kata folder, and
    notes which katas did not run in full (only a full run can solve a kata)."""

    def __init__(self) -> None:
        self.run: dict[str, KataResult] = {}
        self.selected: dict[str, set[str]] = {}  # kata -> the tests this session will run
        self.narrowed: set[str] = set()  # katas of which some tests were left out

    def pytest_deselected(self, items: list[pytest.Item]) -> None:
        self.narrowed.update(folder.name for item in items if (folder := kata_folder_of(item.path)))

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        files: dict[Path, set[Path]] = {}
        for item in session.items:
            if (folder := kata_folder_of(item.path)) is not None:
                self.selected.setdefault(folder.name, set()).add(item.name)
                files.setdefault(folder, set()).add(item.path)
        by_node_id = any("::" in arg for arg in session.config.args)
        for folder, collected in files.items():
            if by_node_id or collected != set(folder.glob("test_*.py")):
                self.narrowed.add(folder.name)

    def completeness(self, name: str) -> bool:
        ran = {t.name for t in self.run[name].tests}
        return name not in self.narrowed and self.selected.get(name, set()) <= ran

    def _add(self, path: Path, result: TestResult) -> None:
        folder = kata_folder_of(path)
        if folder is not None:
            self.run.setdefault(folder.name, KataResult()).tests.append(result)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Iterator[pytest.TestReport]:
        report = yield
        # One entry per test: the first phase that did not pass, else the call.
        if not item.stash.get(RECORDED, False) and (report.when == "call" or not report.passed):
            item.stash[RECORDED] = True
            if report.passed:
                status = "passed"
            elif report.skipped:
                status = "skipped"
            else:
                status = "failed" if report.when == "call" else "error"
            excinfo = call.excinfo if status in ("failed", "error") else None
            self._add(
                item.path,
                TestResult(
                    name=item.name,
                    status=status,
                    exception=excinfo.typename if excinfo else None,
                    message=str(excinfo.value).strip() if excinfo else None,
                ),
            )
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            path = Path(str(report.fspath))
            self._add(
                path,
                TestResult(
                    name=path.name,
                    status="error",
                    exception="CollectionError",
                    message=str(report.longrepr).strip(),
                ),
            )


RECORDED = pytest.StashKey[bool]()
RECORDER = pytest.StashKey[ResultRecorder]()
DOCUMENT = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--kata-results",
        metavar="PATH",
        help="results file to update (default: .workbook/results.json beside katas/)",
    )


def katas_root(config: pytest.Config) -> Path:
    return Path(config.inipath).parent if config.inipath else config.rootpath


def results_path(config: pytest.Config) -> Path:
    option = config.getoption("--kata-results")
    return Path(option) if option else katas_root(config).parent / ".workbook" / "results.json"


def pytest_configure(config: pytest.Config) -> None:
    kata_at.cache_clear()  # a new run (several may share a process) reads metadata afresh
    # Grading is not about password-hashing cost: Argon2 at its cheapest for kata apps.
    os.environ.setdefault("WORKBOOK_ARGON2_TIME_COST", "1")
    os.environ.setdefault("WORKBOOK_ARGON2_MEMORY_KIB", "1024")
    gc.disable()  # while everything is imported; back on in pytest_collection_finish
    recorder = ResultRecorder()
    config.stash[RECORDER] = recorder
    config.pluginmanager.register(recorder, "kata-result-recorder")


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    run = config.stash[RECORDER].run
    if getattr(config, "workerinput", None) is not None or not run:
        return
    recorder = config.stash[RECORDER]
    root = katas_root(config)
    for name, result in run.items():
        result.complete = recorder.completeness(name)
        folder = root / name
        if folder.is_dir():
            result.edited_tests = edited_tests(folder, kata_at(folder).edit)
    config.stash[DOCUMENT] = record(results_path(config), run)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    document = config.stash.get(DOCUMENT, None)
    if document is None:
        return
    for name, result in config.stash[RECORDER].run.items():
        if not result.complete:
            terminalreporter.write_line(
                f"{name}: not every test of the kata ran (a selection, -x, or Ctrl-C), so it "
                f"cannot count as solved. Grade it whole: pytest katas/{name}",
                yellow=True,
            )
        if result.edited_tests:
            terminalreporter.write_line(
                f"{name}: shipped file(s) {', '.join(result.edited_tests)} were edited, so this "
                f"result does not count. Restore them with: workbook reset {name}",
                red=True,
            )
    try:
        katas = discover(katas_root(config))
    except KataError as exc:
        terminalreporter.write_line(f"(no scoreboard: {exc})")
        return
    terminalreporter.section("workbook progress")
    path = results_path(config)
    shown = os.path.relpath(path) if path.is_absolute() else str(path)
    for line in render(katas, document, results_path=shown):
        terminalreporter.write_line(line)
