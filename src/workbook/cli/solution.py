"""`workbook solution KATA`: your files against the reference solution, as a diff.

It refuses until the kata is solved (learning happens in the struggle), unless --force.
It only reads: nothing is copied over the learner's files.
"""

import difflib

from workbook.cli.workspace import Workspace
from workbook.katas.catalog import Kata
from workbook.katas.results import ever_solved


def run(workspace: Workspace, kata: Kata, *, force: bool) -> int:
    if not ever_solved(workspace.results(), kata.name) and not force:
        print(
            f"{kata.name} is not solved yet, so the solution stays hidden. Keep going: "
            f"`workbook check {kata.name}`, `workbook hint {kata.name}`. "
            f"To look anyway: workbook solution {kata.name} --force"
        )
        return 1
    solution = workspace.root / "solutions" / kata.name
    if not solution.is_dir():
        print(f"no solution folder at {workspace.show(solution)}")
        return 1
    for name in kata.edit:
        learner_file = kata.path / name
        mine = learner_file.read_text(encoding="utf-8").splitlines(keepends=True) if learner_file.is_file() else []
        theirs = (solution / name).read_text(encoding="utf-8").splitlines(keepends=True)
        diff = list(difflib.unified_diff(
            mine, theirs, fromfile=f"yours: katas/{kata.name}/{name}",
            tofile=f"reference: solutions/{kata.name}/{name}",
        ))
        print("".join(diff) if diff else f"{name}: identical to the reference solution.")
    explanation = solution / "EXPLANATION.md"
    if explanation.is_file():
        print(f"\nWhy: {workspace.show(explanation)}\n")
        print(explanation.read_text(encoding="utf-8"))
    return 0
