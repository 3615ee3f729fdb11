"""Grade one kata folder: run its tests under pytest and read back the results.

By default the tests run in a separate pytest process, so the learner's code cannot leave
state behind (imports, patched globals, a wedged event loop) in whoever asked for the
grade, and a hang can be cut off. A one-shot command that exits right after (``workbook
check``) may run them in its own process instead, and save starting a second interpreter.
"""

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from workbook.katas.results import KataResult, kata_result, read_document, record


@dataclass
class GradeRun:
    result: KataResult
    output: str


class GradingTimeout(Exception):
    """The whole grading run outlived its limit (something the per-test limit missed)."""


def pytest_args(kata_dir: Path, results: Path) -> list[str]:
    # katas/pytest.ini above the kata folder configures the run (plugins, asyncio mode).
    return [str(kata_dir), "-q", "--color=no", "--kata-results", str(results)]


def run_in_subprocess(args: list[str], *, timeout: float, name: str) -> tuple[int, str]:
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "pytest", *args], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        raise GradingTimeout(
            f"grading {name} took more than {timeout:g} s and was stopped: something in the "
            f"code under test waits forever"
        ) from None
    return completed.returncode, completed.stdout + completed.stderr


def run_in_this_process(args: list[str], *, timeout: float, name: str) -> tuple[int, str]:
    import pytest

    # The per-test limit stops Python-level loops; this stops what it cannot interrupt.
    def give_up() -> None:
        print(f"grading {name} took more than {timeout:g} s and was stopped: something in the "
              f"code under test waits forever", file=sys.stderr, flush=True)
        os._exit(124)

    watchdog = threading.Timer(timeout, give_up)
    watchdog.daemon = True
    watchdog.start()
    try:
        with contextlib.redirect_stdout(io.StringIO()) as output:
            returncode = pytest.main(args)
    finally:
        watchdog.cancel()
    if returncode == pytest.ExitCode.INTERRUPTED:
        raise KeyboardInterrupt  # Ctrl-C while grading: the learner wants out, not a verdict
    return int(returncode), output.getvalue()


def grade(
    kata_dir: Path,
    *,
    results_file: Path | None = None,
    timeout: float = 120,
    in_this_process: bool = False,
) -> GradeRun:
    """Run ``pytest <kata_dir>``; when it produced results and ``results_file`` (the
    learner's record) is given, merge them into it."""
    with tempfile.TemporaryDirectory(prefix="workbook-grade-") as scratch:
        scratch_results = Path(scratch) / "results.json"
        args = pytest_args(kata_dir, scratch_results)
        if in_this_process:
            returncode, output = run_in_this_process(args, timeout=timeout, name=kata_dir.name)
        else:
            returncode, output = run_in_subprocess(args, timeout=timeout, name=kata_dir.name)
        result = kata_result(read_document(scratch_results), kata_dir.name)
    if result is None:
        result = KataResult()
    elif results_file is not None:
        record(results_file, {kata_dir.name: result})
    return GradeRun(result=result, output=output)
