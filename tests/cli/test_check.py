"""`workbook check [KATA]`: grade one kata, a short verdict and the teaching message; and
what it answers when the learner's code is broken in the ways learners break it.

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import sys

import pytest

from .conftest import (
    ALWAYS_PASSING_TESTS, BREAKPOINT_IN_SET_METADATA, IMPORT_ERROR_SOURCE, KATA, LEARNER_FILE,
    LOOP_IN_SET_METADATA, SYNTAX_ERROR_LINE, SYNTAX_ERROR_SOURCE, TEST_COUNT, TEST_FILE, WARMUP,
    WARMUP_HANGS_ON_CY, WARMUP_TESTS, WORKBOOK, Scratch, assert_valid_results, run_katas,
    run_workbook, wait_until,
)

LOOP_BUDGET = 60  # seconds: 5 tests of 2 s each, and start-up


def test_the_shipped_kata_is_not_solved_and_says_why(scratch: Scratch):
    ran = run_workbook("check", "04", cwd=scratch.root)
    assert ran.returncode == 1, f"an unsolved kata exits 1.\n{ran.describe()}"
    assert f"not solved: 0 of {TEST_COUNT} tests pass." in ran.stdout, ran.describe()
    assert "never reached the database" in ran.stdout, f"the failing test's own message is the lesson.\n{ran.describe()}"
    assert "assert 'small' == 'large'" not in ran.stdout, f"pytest's assertion detail is noise here.\n{ran.describe()}"
    assert f"Stuck? workbook hint {KATA}" in ran.stdout, ran.describe()
    assert_valid_results(scratch.results())


def test_the_shipped_kata_in_process(scratch: Scratch, workbook_main):
    ran = workbook_main("check", "04", cwd=scratch.root)
    assert ran.returncode == 1 and f"not solved: 0 of {TEST_COUNT} tests pass." in ran.stdout, ran.describe()
    assert scratch.entry()["status"] == "not solved", ran.describe()


def test_the_solved_kata_passes_and_says_what_is_next(scratch: Scratch):
    scratch.apply_solution()
    ran = run_workbook("check", "jsonb_not_saving", cwd=scratch.root)
    assert ran.returncode == 0, f"a solved kata exits 0.\n{ran.describe()}"
    assert f"solved: all {TEST_COUNT} tests pass." in ran.stdout and "Every kata is solved." in ran.stdout, ran.describe()
    assert scratch.entry()["status"] == "solved", ran.describe()


def test_the_solved_kata_in_process(scratch: Scratch, workbook_main):
    scratch.apply_solution()
    ran = workbook_main("check", KATA, cwd=scratch.root)
    assert ran.returncode == 0 and f"solved: all {TEST_COUNT} tests pass." in ran.stdout, ran.describe()


def test_without_a_kata_it_grades_the_next_unsolved_and_then_points_on(two_katas: Scratch):
    ran = run_workbook("check", cwd=two_katas.root)
    assert ran.stdout.startswith(f"{WARMUP}: Say hello"), f"01_warmup comes first in the curriculum.\n{ran.describe()}"
    two_katas.apply_solution(WARMUP)
    ran = run_workbook("check", cwd=two_katas.root)
    assert ran.returncode == 0 and f"Next: workbook check {KATA}" in ran.stdout, ran.describe()


@pytest.mark.parametrize("way", ["subprocess", "in-process"])
def test_a_syntax_error_names_the_file_and_line(scratch: Scratch, workbook_main, way: str):
    scratch.write_learner_code(SYNTAX_ERROR_SOURCE)
    if way == "subprocess":
        ran = run_workbook("check", "04", cwd=scratch.root)
    else:
        ran = workbook_main("check", "04", cwd=scratch.root)
    assert ran.returncode == 1, ran.describe()
    assert "does not compile" in ran.stdout, ran.describe()
    assert f"{LEARNER_FILE}, line {SYNTAX_ERROR_LINE}" in ran.stdout, (
        f"the verdict should name {LEARNER_FILE} and line {SYNTAX_ERROR_LINE}.\n{ran.describe()}"
    )
    assert (scratch.learner_file().read_text(encoding="utf-8")) == SYNTAX_ERROR_SOURCE, "grading must not touch the file"


def test_an_import_error_says_which_module_is_missing(scratch: Scratch):
    scratch.write_learner_code(IMPORT_ERROR_SOURCE)
    ran = run_workbook("check", "04", cwd=scratch.root)
    assert ran.returncode == 1, ran.describe()
    assert "imports a module that does not exist" in ran.stdout, ran.describe()
    assert "no_such_module_in_the_workbook" in ran.stdout, ran.describe()


def test_an_endless_loop_in_set_metadata_times_out_and_the_run_ends(quick_timeout: Scratch):
    quick_timeout.edit_learner_code(LOOP_IN_SET_METADATA)
    ran = run_workbook("check", "04", cwd=quick_timeout.root, timeout=LOOP_BUDGET)
    assert ran.returncode == 1, ran.describe()
    assert "ran out of time" in ran.stdout and "did not finish within 2 s" in ran.stdout, ran.describe()
    assert "loop that never ends" in ran.stdout, ran.describe()
    assert "does not count" not in ran.stdout, f"the shorter limit was shipped, not edited.\n{ran.describe()}"
    exceptions = [t["exception"] for t in quick_timeout.entry()["tests"]]
    assert exceptions == ["KataTimeout"] * TEST_COUNT, f"every test loops: {exceptions}\n{ran.describe()}"


def test_an_endless_loop_at_import_times_out_every_test(quick_timeout: Scratch):
    quick_timeout.write_learner_code(
        quick_timeout.learner_file().read_text(encoding="utf-8") + "\nwhile True:  # at import\n    pass\n"
    )
    ran = run_workbook("check", "04", cwd=quick_timeout.root, timeout=LOOP_BUDGET)
    assert ran.returncode == 1, ran.describe()
    assert "ran out of time" in ran.stdout and "loop that never ends" in ran.stdout, ran.describe()
    tests = quick_timeout.entry()["tests"]
    wrong = [t for t in tests if t["exception"] != "KataTimeout"]
    assert not wrong, (
        f"the learner's file loops at import, so every test runs out of time; these were "
        f"recorded otherwise: {wrong}\n{ran.describe()}"
    )


def test_an_endless_loop_under_pytest_katas_says_so(quick_timeout: Scratch):
    quick_timeout.edit_learner_code(LOOP_IN_SET_METADATA)
    ran = run_katas("katas", cwd=quick_timeout.root, timeout=LOOP_BUDGET)
    assert "KataTimeout" in ran.stdout and "did not finish within 2 s" in ran.stdout, ran.describe()
    assert "workbook progress" in ran.stdout, f"the run ends with its scoreboard.\n{ran.describe()}"


def test_edited_tests_do_not_count_even_when_they_pass(scratch: Scratch):
    (scratch.kata_dir() / TEST_FILE).write_text(ALWAYS_PASSING_TESTS, encoding="utf-8")
    ran = run_workbook("check", "04", cwd=scratch.root)
    assert ran.returncode == 1, f"edited tests are no solve.\n{ran.describe()}"
    assert "does not count" in ran.stdout and TEST_FILE in ran.stdout, ran.describe()
    assert f"workbook reset {KATA}" in ran.stdout, ran.describe()
    entry = scratch.entry()
    assert entry["status"] == "not solved" and entry["edited_tests"] == [TEST_FILE], entry
    assert all(t["status"] == "passed" for t in entry["tests"]), f"the edited tests did pass: {entry}"
    assert_valid_results(scratch.results())


def test_edited_tests_do_not_count_under_pytest_katas(scratch: Scratch):
    (scratch.kata_dir() / TEST_FILE).write_text(ALWAYS_PASSING_TESTS, encoding="utf-8")
    ran = run_katas("katas", cwd=scratch.root)
    assert "does not count" in ran.stdout and f"workbook reset {KATA}" in ran.stdout, ran.describe()
    assert f"[ ] {KATA}  not solved" in ran.stdout, ran.describe()
    listed = run_workbook("list", cwd=scratch.root)
    assert "not solved" in listed.stdout, listed.describe()


def test_an_edited_time_limit_does_not_count_either(scratch: Scratch):
    toml = scratch.kata_dir() / "kata.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("timeout_seconds = 10", "timeout_seconds = 600"))
    scratch.apply_solution()
    ran = run_workbook("check", "04", cwd=scratch.root)
    assert ran.returncode == 1 and "does not count" in ran.stdout and "kata.toml" in ran.stdout, ran.describe()


@pytest.mark.parametrize(
    ("program", "args"),
    [
        pytest.param(WORKBOOK, ["check", WARMUP], id="workbook-check"),
        pytest.param(sys.executable, ["-m", "pytest", f"katas/{WARMUP}"], id="pytest-katas"),
    ],
)
def test_ctrl_c_on_a_hanging_test_does_not_solve_the_kata(two_katas: Scratch, spawn, program, args):
    """The learner's code hangs in the last test; they press Ctrl-C before the time limit.
    Two of three tests passed: the kata is not solved, and nothing may say it is."""
    two_katas.write_learner_code(WARMUP_HANGS_ON_CY, WARMUP)
    process = spawn(*args, cwd=two_katas.root, program=program)
    mark = two_katas.kata_dir(WARMUP) / "hanging.mark"
    assert wait_until(mark.exists, timeout=60), f"the third test never started.\n{process.describe()}"
    process.interrupt()
    process.wait(timeout=30, doing="after Ctrl-C")
    status = two_katas.entry(WARMUP)["status"] if two_katas.results_file.exists() else "not run"
    assert "solved: all" not in process.output and status != "solved", (
        f"Ctrl-C during the third of {WARMUP_TESTS} tests recorded the kata as {status!r}.\n"
        f"{process.describe()}"
    )


def test_check_from_inside_the_kata_folder_records_in_the_workbook(scratch: Scratch):
    ran = run_workbook("check", cwd=scratch.kata_dir())
    assert ran.returncode == 1 and f"not solved: 0 of {TEST_COUNT} tests pass." in ran.stdout, ran.describe()
    assert scratch.entry()["attempts"] == 1, ran.describe()
    assert not (scratch.kata_dir() / ".workbook").exists(), ran.describe()


def test_a_debugger_session_is_not_cut_off_by_the_time_limit(quick_timeout: Scratch, spawn):
    """The learner puts breakpoint() in their code and runs `pytest katas/04...` to look
    around. The per-test limit (2 s here, 10 s as shipped) is for endless loops: it must not
    throw them out of the debugger while they read."""
    quick_timeout.edit_learner_code(BREAKPOINT_IN_SET_METADATA)
    session = spawn("-m", "pytest", f"katas/{KATA}", "-x", cwd=quick_timeout.root, program=sys.executable)
    prompt = session.expect(r"\(Pdb\) ", timeout=60, doing="running into breakpoint()")
    session.idle(5)  # the learner reads the code for 5 s, more than twice the limit
    assert "did not finish within" not in session.output[prompt:], (
        f"the debugger session was ended by the kata's time limit while the learner was at "
        f"the (Pdb) prompt.\n{session.describe()}"
    )
