"""Per-kata figures over many participants' results: who attempted, who solved, how many
attempts it took, which tests failed most.

Each participant counts by their latest grading of a kata (as `workbook list` shows it).
A kata whose latest grading ran edited shipped tests counts as attempted and in the
``edited`` column, never as solved, and its tests are left out of the most-failed count
(they may not be the shipped ones).
"""

import statistics
from collections import Counter
from dataclasses import dataclass

from workbook.katas.collection import ParticipantResults
from workbook.katas.results import SOLVED

FAILING = {"failed", "error"}


@dataclass(frozen=True)
class KataSummary:
    kata: str
    participants: int            # every participant collected
    attempted: int               # graded this kata at least once
    solved: int                  # latest grading solved it (shipped tests untouched)
    edited: int                  # latest grading ran edited shipped tests: not counted as solved
    median_attempts: float | None  # over those who attempted; None when nobody did
    most_failed: tuple[str, ...]   # the test(s) failing for the most participants (ties: all)
    most_failed_count: int         # for how many participants each of them failed


def summarise(kata: str, results: list[ParticipantResults]) -> KataSummary:
    entries = [r.katas[kata] for r in results if kata in r.katas]
    edited = [e for e in entries if e.get("edited_tests")]
    counted = [e for e in entries if not e.get("edited_tests")]
    failures = Counter(
        name
        for entry in counted
        # a participant counts once per test, however the test appears in the file
        for name in {t["name"] for t in entry["tests"] if t["status"] in FAILING}
    )
    top = max(failures.values(), default=0)
    return KataSummary(
        kata=kata,
        participants=len(results),
        attempted=len(entries),
        solved=sum(e["status"] == SOLVED for e in counted),
        edited=len(edited),
        median_attempts=statistics.median(e["attempts"] for e in entries) if entries else None,
        most_failed=tuple(sorted(name for name, count in failures.items() if count == top)) if top else (),
        most_failed_count=top,
    )


def kata_order(catalog: list[str], results: list[ParticipantResults]) -> list[str]:
    """The catalog's katas in curriculum order, then any kata only the results know of
    (another version of the workbook), by name (NN_slug: chapter first)."""
    known = set(catalog)
    others = sorted({k for r in results for k in r.katas} - known)
    return [*catalog, *others]


def summarise_all(catalog: list[str], results: list[ParticipantResults]) -> list[KataSummary]:
    return [summarise(kata, results) for kata in kata_order(catalog, results)]
