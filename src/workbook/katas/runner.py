"""Grade one kata folder by running its tests in a separate pytest process.

A separate process means the learner's code cannot leave state behind (imports, patched
globals, a wedged event loop) in whoever asked for the grade.
"""

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbook.katas.results import KataResult, kata_result, read_document, record


@dataclass
class GradeRun:
    result: KataResult
    returncode: int
    output: str


class GradingTimeout(Exception):
    """The whole grading run outlived its limit (something the per-test limit missed)."""


def grade(kata_dir: Path, *, results_file: Path | None = None, timeout: float = 120) -> GradeRun:
    """Run ``pytest <kata_dir>`` (configured by the katas/pytest.ini above it).

    When the run produced results and ``results_file`` (the learner's record) is given,
    they are merged into it.
    """
    with tempfile.TemporaryDirectory(prefix="workbook-grade-") as scratch:
        record_to = Path(scratch) / "results.json"
        try:
            completed = subprocess.run(
                [sys.executable, "-m", "pytest", str(kata_dir), "-q", "--color=no",
                 "--kata-results", str(record_to)],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise GradingTimeout(
                f"grading {kata_dir.name} took more than {timeout:g} s and was stopped: "
                f"something in the code under test waits forever"
            ) from None
        result = kata_result(read_document(record_to), kata_dir.name)
    if result is None:
        result = KataResult()
    elif results_file is not None:
        record(results_file, {kata_dir.name: result})
    return GradeRun(result=result, returncode=completed.returncode, output=completed.stdout + completed.stderr)
