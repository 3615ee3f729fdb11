"""The results of grading katas, and the JSON file a facilitator can collect.

Schema (version 1):

    {
      "schema": 1,
      "workbook_version": "0.1.0",
      "finished_at": "2026-11-28T09:30:00+00:00",      # UTC, ISO 8601
      "katas": {
        "04_jsonb_not_saving": {
          "status": "solved" | "not solved",
          "tests": [
            {"name": "test_...", "status": "passed" | "failed" | "error",
             "exception": "AssertionError" | null, "message": "..." | null}
          ]
        }
      }
    }

A kata is solved when it ran at least one test and every test passed. "failed" is a test
whose own assertion (or learner code it called) raised; "error" is a failure outside the
test body: set-up, tear-down, or the file could not even be collected.
"""

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from workbook import __version__

SCHEMA_VERSION = 1


@dataclass
class TestResult:
    name: str
    status: str  # "passed" | "failed" | "error"
    exception: str | None = None
    message: str | None = None


@dataclass
class KataResult:
    tests: list[TestResult] = field(default_factory=list)

    @property
    def solved(self) -> bool:
        return bool(self.tests) and all(t.status == "passed" for t in self.tests)

    @property
    def failed_by_assertion_only(self) -> bool:
        """Failed, and only ever by an AssertionError inside a test body."""
        failing = [t for t in self.tests if t.status != "passed"]
        return bool(failing) and all(
            t.status == "failed" and t.exception == "AssertionError" for t in failing
        )


def write_results(path: Path, results: dict[str, KataResult]) -> None:
    document = {
        "schema": SCHEMA_VERSION,
        "workbook_version": __version__,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "katas": {
            name: {
                "status": "solved" if result.solved else "not solved",
                "tests": [asdict(t) for t in result.tests],
            }
            for name, result in results.items()
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def read_results(path: Path) -> dict[str, KataResult]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: KataResult([TestResult(**t) for t in entry["tests"]])
        for name, entry in document["katas"].items()
    }
