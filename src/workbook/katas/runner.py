"""Grade one kata folder by running its tests in a separate pytest process.

A separate process means the learner's code cannot leave state behind (imports, patched
globals, a wedged event loop) in whoever asked for the grade.
"""

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbook.katas.results import KataResult, read_results


@dataclass
class GradeRun:
    result: KataResult
    returncode: int
    output: str


def grade(kata_dir: Path, *, timeout: float = 300) -> GradeRun:
    """Run ``pytest <kata_dir>`` (configured by the katas/pytest.ini above it)."""
    with tempfile.TemporaryDirectory(prefix="workbook-grade-") as scratch:
        results_file = Path(scratch) / "results.json"
        completed = subprocess.run(
            [sys.executable, "-m", "pytest", str(kata_dir), "-q", "--kata-results", str(results_file)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        output = completed.stdout + completed.stderr
        result = KataResult()
        if results_file.exists():
            result = read_results(results_file).get(kata_dir.name, result)
    return GradeRun(result=result, returncode=completed.returncode, output=output)
