"""The progress table printed after `pytest katas` and by `workbook list`."""

from typing import Any

from workbook.katas.catalog import Kata
from workbook.katas.results import NOT_RUN, NOT_SOLVED, SOLVED, status_of

MARK = {SOLVED: "[x]", NOT_SOLVED: "[ ]", NOT_RUN: "[ ]"}


def next_kata(katas: list[Kata], document: dict[str, Any]) -> Kata | None:
    """The first kata, in curriculum order, that is not solved yet."""
    return next((k for k in katas if status_of(document, k.name) != SOLVED), None)


def render(katas: list[Kata], document: dict[str, Any], *, results_path: str) -> list[str]:
    width = max((len(k.name) for k in katas), default=0)
    lines = [
        f"  {MARK[status_of(document, k.name)]} {k.name:<{width}}  {status_of(document, k.name)}"
        for k in katas
    ]
    solved = sum(status_of(document, k.name) == SOLVED for k in katas)
    lines.append(f"{solved} of {len(katas)} katas solved.")
    upcoming = next_kata(katas, document)
    if upcoming is None:
        lines.append("Every kata is solved. Compare with the reference: workbook solution KATA")
    else:
        lines.append(f"Next: {upcoming.name} ({upcoming.title}): pytest katas/{upcoming.name}")
        lines.append(f"Stuck? workbook hint {upcoming.name} reveals the next hint.")
    lines.append(f"Results saved to {results_path}")
    return lines
