"""`pytest katas`: the scoreboard at the end of the run, and the results file it keeps.

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import time

import pytest

from .conftest import (
    KATA, SHALLOW_COPY_FIX, TEST_COUNT, TEST_FILE, WARMUP, Scratch, assert_valid_results,
    run_katas, run_workbook,
)


def scoreboard(output: str) -> list[str]:
    """The lines of the 'workbook progress' section, blank lines left out and runs of
    spaces (column padding) as one."""
    lines = output.splitlines()
    start = next((i for i, line in enumerate(lines) if "workbook progress" in line), None)
    assert start is not None, f"no 'workbook progress' section in:\n{output}"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("====")), len(lines))
    return [" ".join(line.split()) for line in lines[start + 1:end] if line.strip()]


def test_the_shipped_kata_ends_with_a_scoreboard_of_what_to_do_next(scratch: Scratch):
    ran = run_katas("katas", cwd=scratch.root)
    assert ran.returncode == 1, f"the shipped kata fails its tests.\n{ran.describe()}"
    board = scoreboard(ran.stdout)
    assert board == [
        f"[ ] {KATA} not solved",
        "0 of 1 katas solved.",
        f"Next: {KATA} (The metadata change that never saves): pytest katas/{KATA}",
        f"Stuck? workbook hint {KATA} reveals the next hint.",
        "Results saved to .workbook/results.json",
    ], f"unexpected scoreboard after `pytest katas` on the shipped kata.\n{ran.describe()}"


def test_the_scoreboard_lists_katas_in_curriculum_order_with_not_run(two_katas: Scratch):
    ran = run_katas(f"katas/{KATA}", cwd=two_katas.root)
    board = scoreboard(ran.stdout)
    assert board[:3] == [
        f"[ ] {WARMUP} not run",
        f"[ ] {KATA} not solved",
        "0 of 2 katas solved.",
    ], f"01_warmup (chapter 1) comes first and was not run.\n{ran.describe()}"
    assert board[3].startswith(f"Next: {WARMUP} (Say hello): pytest katas/{WARMUP}"), ran.describe()
    document = two_katas.results()
    assert WARMUP not in document["katas"], f"a kata never graded is absent from the file:\n{document}"


def test_a_solved_kata_is_checked_off(scratch: Scratch):
    scratch.apply_solution()
    ran = run_katas("katas", cwd=scratch.root)
    assert ran.returncode == 0, ran.describe()
    board = scoreboard(ran.stdout)
    assert board[:2] == [f"[x] {KATA} solved", "1 of 1 katas solved."], ran.describe()
    assert "Every kata is solved" in board[2], ran.describe()


def test_one_kata_graded_from_inside_katas_records_beside_katas(scratch: Scratch):
    ran = run_katas(KATA, cwd=scratch.root / "katas")
    assert "Results saved to ../.workbook/results.json" in ran.stdout, ran.describe()
    assert scratch.results_file.is_file(), ran.describe()


def test_the_results_file_follows_the_documented_schema(scratch: Scratch):
    ran = run_katas("katas", cwd=scratch.root)
    document = scratch.results()
    assert_valid_results(document)
    entry = document["katas"][KATA]
    assert entry["status"] == "not solved" and entry["attempts"] == 1 and entry["solved_at"] is None, ran.describe()
    assert entry["edited_tests"] == [], entry
    assert [t["status"] for t in entry["tests"]] == ["failed"] * TEST_COUNT, entry
    assert all(t["exception"] == "AssertionError" and t["message"] for t in entry["tests"]), entry


def test_attempts_count_every_grading_and_solved_at_is_set_once(scratch: Scratch):
    run_katas("katas", cwd=scratch.root)
    first = scratch.entry()
    assert (first["attempts"], first["status"], first["solved_at"]) == (1, "not solved", None), first

    scratch.apply_solution()
    ran = run_workbook("check", "04", cwd=scratch.root)  # the same record, from the other door
    solved = scratch.entry()
    assert (solved["attempts"], solved["status"]) == (2, "solved"), f"{solved}\n{ran.describe()}"
    assert solved["solved_at"] == solved["graded_at"], solved

    time.sleep(1.1)  # stamps have a resolution of one second
    run_katas("katas", cwd=scratch.root)
    again = scratch.entry()
    assert again["attempts"] == 3 and again["graded_at"] > solved["graded_at"], again
    assert again["solved_at"] == solved["solved_at"], f"solved_at must keep the first solve:\n{again}"

    scratch.write_learner_code(scratch.shipped_bytes(f"katas/{KATA}/metadata_writer.py").decode())
    run_katas("katas", cwd=scratch.root)
    broken = scratch.entry()
    assert (broken["attempts"], broken["status"]) == (4, "not solved"), broken
    assert broken["solved_at"] == solved["solved_at"], f"solved_at records the first solve for good:\n{broken}"
    assert_valid_results(scratch.results())


def test_a_damaged_results_file_never_stops_grading(scratch: Scratch):
    scratch.state.mkdir()
    scratch.results_file.write_text("{ half a file", encoding="utf-8")
    ran = run_katas("katas", cwd=scratch.root)
    assert "workbook progress" in ran.stdout, ran.describe()
    assert_valid_results(scratch.results())


@pytest.mark.parametrize(
    "selection",
    [
        pytest.param([f"katas/{KATA}/{TEST_FILE}::test_changing_a_top_level_key_is_saved"], id="node-id"),
        pytest.param(["katas", "-k", "top_level"], id="keyword"),
    ],
)
def test_running_only_some_of_a_katas_tests_does_not_solve_it(scratch: Scratch, selection: list[str]):
    """A learner re-runs one test, by the node id pytest printed or by -k. A wrong fix that
    happens to pass that one test must not make the kata solved (nor unlock the solution)."""
    scratch.edit_learner_code(SHALLOW_COPY_FIX)
    full = run_katas("katas", cwd=scratch.root)
    assert "3 failed, 2 passed" in full.stdout, f"the shallow-copy fix fails 3 of 5 tests.\n{full.describe()}"

    ran = run_katas(*selection, cwd=scratch.root)
    entry = scratch.entry()
    listed = run_workbook("list", cwd=scratch.root)
    assert entry["status"] == "not solved" and entry["solved_at"] is None, (
        f"after `pytest {' '.join(selection)}` (1 of the kata's {TEST_COUNT} tests, which passes), "
        f"the kata is recorded as {entry['status']!r} with solved_at={entry['solved_at']!r}; "
        f"expected 'not solved', since 3 of its tests fail.\n{ran.describe()}\n{listed.describe()}"
    )
