"""Record one result per kata test during a pytest run, and whether each kata ran whole."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.katas.catalog import kata_folder_of
from workbook.katas.results import KataResult, TestResult

RECORDED = pytest.StashKey[bool]()


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
