"""Run pytest on a folder of test files in a child process, and read back each test's outcome.

Chapter 11 shows what pytest really does with order-dependent tests and event-loop scopes by
running it for real on small generated files. What comes back is made to be printed in a
notebook: one line per test, in the order pytest ran them, with no timings, temporary paths
or colours — the same on every run.

The child loads only pytest-asyncio: the folder's own pytest.ini is its configuration (not
this project's), and every other installed plugin (nbval, xdist, ...) stays out, so a run
costs well under a second of start-up and writes nothing of its own.
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_S = 60  # a generated test that hangs must not hang the notebook


@dataclass(frozen=True)
class Outcome:
    test: str  # "test_file.py::test_name"
    outcome: str  # "passed", "failed" (an assertion or error in the test), "error" (in a fixture), "skipped"
    message: str = ""  # the first line of the failure or error, if any

    def __str__(self) -> str:
        line = f"{self.outcome.upper():7} {self.test}"
        return f"{line}\n        {self.message}" if self.message else line


def run_pytest(folder: Path, *args: str) -> list[Outcome]:
    """Run ``python -m pytest ARGS`` in ``folder`` and return the outcome of each test."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.xml"
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        command = [
            sys.executable, "-m", "pytest", "-p", "pytest_asyncio.plugin", "-p", "no:cacheprovider",
            "-q", f"--junitxml={report}", "--rootdir", str(folder), *args,
        ]  # fmt: skip
        completed = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
        if not report.exists():  # pytest stopped before running anything (a usage or collection error)
            raise RuntimeError(f"pytest exited {completed.returncode} without a report:\n{completed.stdout[-2000:]}")
        return outcomes(ElementTree.parse(report).getroot())


def outcomes(report: ElementTree.Element) -> list[Outcome]:
    """The tests of a JUnit XML report, in the order they ran."""
    found = []
    for case in report.iter("testcase"):
        test = f"{case.get('classname', '').replace('.', '/')}.py::{case.get('name')}"
        outcome, message = "passed", ""
        for kind in ("failure", "error", "skipped"):
            element = case.find(kind)
            if element is not None:
                outcome = {"failure": "failed"}.get(kind, kind)
                message = first_line(element.get("message") or element.text or "")
                break
        found.append(Outcome(test, outcome, message))
    return found


def first_line(message: str) -> str:
    # An error in a fixture is reported as: failed on setup with "Error: what went wrong ..."
    line = message.strip().splitlines()[0] if message.strip() else ""
    return line.removeprefix('failed on setup with "').removesuffix('"')
