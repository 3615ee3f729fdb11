"""Kata results: one run's, and the file that keeps every kata's latest grade.

The file (default ``.workbook/results.json`` beside katas/) is what a facilitator
collects. Schema, version 1:

    {
      "schema": 1,
      "workbook_version": "0.1.0",
      "participant": "ada",                     # WORKBOOK_PARTICIPANT, else the login name
      "updated_at": "2026-11-28T09:30:00+00:00",  # UTC, ISO 8601, the last grading
      "katas": {
        "04_jsonb_not_saving": {
          "status": "solved" | "not solved",    # katas never graded are absent: "not run"
          "attempts": 3,                         # gradings of this kata so far
          "graded_at": "2026-11-28T09:30:00+00:00",
          "solved_at": "2026-11-28T09:30:00+00:00" | null,   # first time it passed
          "edited_tests": [],                    # shipped test files the learner changed:
                                                 # when non-empty, the result does not count
          "complete": true,                      # every test of the kata ran (not a -k or
                                                 # node-id selection, -x stop or Ctrl-C):
                                                 # only a complete run can solve a kata
          "tests": [
            {"name": "test_...", "status": "passed" | "failed" | "error" | "skipped",
             "exception": "AssertionError" | null, "message": "..." | null}
          ]
        }
      }
    }

"failed" means the test body raised (its assertion, or learner code it called); "error"
means something outside the body did: set-up (loading the learner's file), tear-down, or
collecting the test file at all.
"""

import getpass
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbook import __version__

SCHEMA_VERSION = 1
SOLVED, NOT_SOLVED, NOT_RUN = "solved", "not solved", "not run"


@dataclass
class TestResult:
    name: str
    status: str
    exception: str | None = None
    message: str | None = None


@dataclass
class KataResult:
    tests: list[TestResult] = field(default_factory=list)
    edited_tests: list[str] = field(default_factory=list)
    complete: bool = True

    @property
    def solved(self) -> bool:
        return (
            bool(self.tests)
            and self.complete
            and not self.edited_tests
            and all(t.status == "passed" for t in self.tests)
        )

    @property
    def failed_by_assertion_only(self) -> bool:
        """Failed, and only ever by an AssertionError inside a test body."""
        failing = [t for t in self.tests if t.status != "passed"]
        return bool(failing) and all(
            t.status == "failed" and t.exception == "AssertionError" for t in failing
        )

    @property
    def first_failure(self) -> TestResult | None:
        return next((t for t in self.tests if t.status != "passed"), None)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def participant() -> str:
    return os.environ.get("WORKBOOK_PARTICIPANT") or getpass.getuser()


def read_document(path: Path) -> dict[str, Any]:
    """The stored results, or an empty document if there are none (or they are unreadable:
    a results file is a record, never a reason to stop grading)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("schema") == SCHEMA_VERSION:
            return document
    except (OSError, ValueError):
        pass
    return {"schema": SCHEMA_VERSION, "katas": {}}


def record(path: Path, run: dict[str, KataResult]) -> dict[str, Any]:
    """Merge one run's results into the file at ``path`` and return the new document."""
    document = read_document(path)
    stamp = now()
    for name, result in run.items():
        previous = document["katas"].get(name, {})
        document["katas"][name] = {
            "status": SOLVED if result.solved else NOT_SOLVED,
            "attempts": previous.get("attempts", 0) + 1,
            "graded_at": stamp,
            "solved_at": previous.get("solved_at") or (stamp if result.solved else None),
            "edited_tests": result.edited_tests,
            "complete": result.complete,
            "tests": [asdict(t) for t in result.tests],
        }
    document.update(
        workbook_version=__version__, participant=participant(), updated_at=stamp
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    temporary.replace(path)  # never leave a half-written file behind
    return document


def kata_result(document: dict[str, Any], name: str) -> KataResult | None:
    entry = document["katas"].get(name)
    if entry is None:
        return None
    return KataResult(
        tests=[TestResult(**t) for t in entry["tests"]],
        edited_tests=list(entry.get("edited_tests", [])),
        complete=entry.get("complete", True),
    )


def status_of(document: dict[str, Any], name: str) -> str:
    return document["katas"].get(name, {}).get("status", NOT_RUN)


def ever_solved(document: dict[str, Any], name: str) -> bool:
    """Solved at least once, whatever the latest attempt gave."""
    return bool(document["katas"].get(name, {}).get("solved_at"))
