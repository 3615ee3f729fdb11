"""`workbook check` and `workbook watch`: grade a kata and say, briefly, what to do next."""

import time
from pathlib import Path

from workbook.cli.workspace import Workspace
from workbook.katas.catalog import Kata
from workbook.katas.results import KataResult, TestResult
from workbook.katas.runner import GradeRun, GradingTimeout, grade
from workbook.katas.scoreboard import next_kata

# What a learner should read first, by the kind of failure.
EXPLAIN = {
    "SyntaxError": "your file does not compile",
    "IndentationError": "your file does not compile",
    "ImportError": "your file fails to import",
    "ModuleNotFoundError": "your file imports a module that does not exist",
    "NameError": "your code uses a name that is not defined",
    "KataTimeout": "a test ran out of time",
    "CollectionError": "the kata's test file could not be loaded",
}


def teaching_message(test: TestResult) -> str:
    """The test's own message, without pytest's assertion-rewriting detail under it."""
    message = (test.message or "").split("\nassert ")[0].strip()
    if test.exception == "AssertionError":
        return message
    lead = EXPLAIN.get(test.exception or "", f"{test.exception} raised")
    return f"{lead}: {message}" if message else lead


def verdict(kata: Kata, result: KataResult) -> list[str]:
    passed = sum(t.status == "passed" for t in result.tests)
    lines = [f"{kata.name}: {kata.title}"]
    if result.edited_tests:
        lines.append(
            f"  does not count: you edited {', '.join(result.edited_tests)}, which the kata "
            f"ships and grades with. `workbook reset {kata.name}` restores them (your "
            f"files are backed up first)."
        )
    if result.solved:
        lines.append(f"  solved: all {len(result.tests)} tests pass.")
        return lines
    if not result.tests:
        lines.append("  no test ran: see pytest's output above.")
        return lines
    if passed == len(result.tests) and not result.complete:
        lines.append(
            f"  not solved: the {passed} tests that ran pass, but not every test of the kata "
            f"ran (stopped early, or only some were selected). Run the whole kata."
        )
        return lines
    lines.append(f"  not solved: {passed} of {len(result.tests)} tests pass.")
    first = result.first_failure
    if first is not None:
        lines.append(f"  {first.name}:")
        lines.extend(f"    {line}" for line in teaching_message(first).splitlines())
    lines.append(f"  Stuck? workbook hint {kata.name}")
    return lines


def check_once(workspace: Workspace, kata: Kata, *, in_this_process: bool = False) -> GradeRun | None:
    try:
        run = grade(kata.path, results_file=workspace.results_file, in_this_process=in_this_process)
    except GradingTimeout as exc:
        print(f"{kata.name}: {exc}")
        return None
    if not run.result.tests:
        print(run.output.rstrip())
    print("\n".join(verdict(kata, run.result)))
    return run


def check(workspace: Workspace, kata: Kata) -> int:
    # One grade, then the command ends: no need for a second interpreter. (watch keeps
    # grading in fresh processes: the learner's code changes between runs.)
    run = check_once(workspace, kata, in_this_process=True)
    solved = run is not None and run.result.solved
    if solved:
        upcoming = next_kata(workspace.katas, workspace.results())
        print(f"Next: workbook check {upcoming.name}" if upcoming else "Every kata is solved.")
    return 0 if solved else 1


def snapshot(kata: Kata) -> dict[Path, float]:
    """Modification times of the kata's .py files: what a save changes."""
    return {p: p.stat().st_mtime_ns for p in sorted(kata.path.glob("*.py"))}


def watch(workspace: Workspace, start: Kata, *, interval: float = 0.5) -> int:
    katas = workspace.katas
    kata: Kata | None = start
    try:
        while kata is not None:
            position = katas.index(kata) + 1
            print(f"\n== watching {kata.name} (kata {position} of {len(katas)}): save "
                  f"{', '.join(kata.edit)} to check again; Ctrl-C stops ==")
            seen = snapshot(kata)  # before grading: a save made while it runs is new
            run = check_once(workspace, kata)
            while run is None or not run.result.solved:
                time.sleep(interval)
                now = snapshot(kata)
                if now != seen:
                    seen = now
                    print(f"\n-- {time.strftime('%H:%M:%S')} change saved, checking {kata.name} --")
                    run = check_once(workspace, kata)
            kata = next_kata(katas, workspace.results())
        print("\nEvery kata is solved. Well done!")
        return 0
    except KeyboardInterrupt:
        print("\nStopped watching. Your files are as you saved them.")
        return 0
