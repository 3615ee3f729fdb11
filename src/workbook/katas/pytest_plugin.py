"""The pytest plugin behind ``pytest katas`` (enabled by katas/pytest.ini).

It gives kata tests the ``kata`` fixture (metadata and the learner's component), stops a
test that runs too long with a message that says so instead of hanging the run, and
records every kata's results (``--kata-results PATH`` writes them as JSON).
"""

import signal
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from workbook.katas.catalog import FOLDER_NAME, Kata, load_kata
from workbook.katas.loader import load_module
from workbook.katas.results import KataResult, TestResult, write_results


class KataTimeout(Exception):
    """A kata test ran past its time limit: most often an endless loop in learner code."""


class KataUnderTest:
    """What a kata's tests need: its metadata, and the learner's code to plug in."""

    def __init__(self, kata: Kata) -> None:
        self.kata = kata

    def component(self, stem: str) -> ModuleType:
        """The learner's ``<stem>.py`` from the kata folder, freshly imported."""
        return load_module(self.kata.path / f"{stem}.py", namespace=f"kata_{self.kata.slug}")


def kata_folder_of(path: Path) -> Path | None:
    return next((p for p in [path, *path.parents] if FOLDER_NAME.match(p.name)), None)


@pytest.fixture
def kata(request: pytest.FixtureRequest) -> KataUnderTest:
    folder = kata_folder_of(request.path)
    assert folder is not None, f"{request.path} is not inside a kata folder (NN_slug)"
    return KataUnderTest(load_kata(folder))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    folder = kata_folder_of(item.path)
    if folder is None or not hasattr(signal, "setitimer"):  # no SIGALRM on Windows
        return (yield)
    limit = load_kata(folder).timeout_seconds

    def on_alarm(signum: int, frame: object) -> None:
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


class ResultRecorder:
    """Collects one TestResult per kata test, and collection errors, by kata folder."""

    def __init__(self) -> None:
        self.results: dict[str, KataResult] = {}

    def _add(self, path: Path, result: TestResult) -> None:
        folder = kata_folder_of(path)
        if folder is not None:
            self.results.setdefault(folder.name, KataResult()).tests.append(result)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Iterator[pytest.TestReport]:
        report = yield
        # One entry per test: the first phase that did not pass, else the call.
        already = item.stash.get(RECORDED, False)
        if not already and (report.when == "call" or not report.passed):
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
                TestResult(name=path.name, status="error", exception="CollectionError",
                           message=str(report.longrepr).strip()),
            )


RECORDED = pytest.StashKey[bool]()
RECORDER = pytest.StashKey[ResultRecorder]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--kata-results",
        metavar="PATH",
        help="write the results of this run as JSON (schema: workbook/katas/results.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    recorder = ResultRecorder()
    config.stash[RECORDER] = recorder
    config.pluginmanager.register(recorder, "kata-result-recorder")


def pytest_sessionfinish(session: pytest.Session) -> None:
    path = session.config.getoption("--kata-results")
    if path:
        write_results(Path(path), session.config.stash[RECORDER].results)
