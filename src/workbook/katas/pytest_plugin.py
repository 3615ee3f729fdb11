"""The pytest plugin behind ``pytest katas`` (enabled by katas/pytest.ini).

It gives kata tests the ``kata`` fixture (metadata and the learner's component), stops a
test that runs too long with a message that says so instead of hanging the run, records
every kata's results in the results file (``--kata-results PATH``, default
.workbook/results.json beside katas/), and ends the run with a scoreboard.
"""

import gc
import os
from pathlib import Path
from types import ModuleType

import pytest

from workbook.katas.catalog import Kata, KataError, discover, kata_at, kata_folder_of
from workbook.katas.loader import load_module
from workbook.katas.recorder import ResultRecorder
from workbook.katas.results import record
from workbook.katas.scoreboard import render
from workbook.katas.shipped import edited_tests
from workbook.katas.timeouts import time_limited


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


@pytest.fixture(scope="module")
def kata(request: pytest.FixtureRequest) -> KataUnderTest:
    folder = kata_folder_of(request.path)
    assert folder is not None, f"{request.path} is not inside a kata folder (NN_slug)"
    return KataUnderTest(kata_at(folder))


def pytest_collection_finish(session: pytest.Session) -> None:
    # What is loaded by now (pytest, FastAPI, SQLAlchemy, the app) lives until exit.
    # Collecting garbage while importing it only walks objects that all survive, so the
    # collector is off until here (see pytest_configure); freezing it then spares every
    # later collection, pytest's own at exit included, from walking it again.
    gc.freeze()
    gc.enable()


# Set-up loads the learner's file (which may loop at import); the call runs their code.
pytest_runtest_setup = pytest.hookimpl(wrapper=True)(time_limited)
pytest_runtest_call = pytest.hookimpl(wrapper=True)(time_limited)


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
    os.environ.setdefault("WORKBOOK_ARGON2_MEMORY_KIB", "64")
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
