"""`workbook solution KATA`: the learner's files against the reference, once solved or with
--force; it only reads.

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import os
import subprocess

from .conftest import (
    KATA, LEARNER_FILE, NEW_DICTS_FIX, WORKBOOK, Scratch, file_digests, learner_env, run_workbook,
)

REFERENCE_LINE = '+    flag_modified(agent, "agent_metadata")'


def test_before_solving_it_refuses_and_shows_no_diff(scratch: Scratch):
    before = file_digests(scratch.root)
    ran = run_workbook("solution", "04", cwd=scratch.root)
    assert ran.returncode == 1, ran.describe()
    assert "not solved yet" in ran.stdout and f"workbook solution {KATA} --force" in ran.stdout, ran.describe()
    assert "flag_modified" not in ran.output and "+++" not in ran.output, f"no part of the fix may show.\n{ran.describe()}"
    assert file_digests(scratch.root) == before, ran.describe()


def test_a_failed_attempt_does_not_unlock_it(scratch: Scratch):
    run_workbook("check", "04", cwd=scratch.root)
    ran = run_workbook("solution", "04", cwd=scratch.root)
    assert ran.returncode == 1 and "flag_modified" not in ran.output, ran.describe()


def test_force_shows_the_diff_and_modifies_nothing(scratch: Scratch):
    before = file_digests(scratch.root)
    ran = run_workbook("solution", "04", "--force", cwd=scratch.root)
    assert ran.returncode == 0, ran.describe()
    assert f"--- yours: katas/{KATA}/{LEARNER_FILE}" in ran.stdout, ran.describe()
    assert f"+++ reference: solutions/{KATA}/{LEARNER_FILE}" in ran.stdout, ran.describe()
    assert REFERENCE_LINE in ran.stdout, ran.describe()
    assert "Why: solutions/" in ran.stdout, f"the explanation follows the diff.\n{ran.describe()}"
    assert file_digests(scratch.root) == before, f"solution must only read.\n{ran.describe()}"


def test_force_in_process(scratch: Scratch, workbook_main):
    before = file_digests(scratch.root)
    ran = workbook_main("solution", KATA, "--force", cwd=scratch.root)
    assert ran.returncode == 0 and REFERENCE_LINE in ran.stdout, ran.describe()
    assert file_digests(scratch.root) == before, ran.describe()


def test_after_solving_another_way_it_shows_the_difference(scratch: Scratch):
    scratch.edit_learner_code(NEW_DICTS_FIX)
    checked = run_workbook("check", "04", cwd=scratch.root)
    assert checked.returncode == 0, f"the new-dicts fix solves the kata.\n{checked.describe()}"
    before = file_digests(scratch.root)
    ran = run_workbook("solution", "04", cwd=scratch.root)
    assert ran.returncode == 0 and REFERENCE_LINE in ran.stdout and "-    def with_key" in ran.stdout, ran.describe()
    assert file_digests(scratch.root) == before, f"solution must only read.\n{ran.describe()}"


def test_after_solving_with_the_reference_it_says_identical(scratch: Scratch, workbook_main):
    scratch.apply_solution()
    checked = run_workbook("check", "04", cwd=scratch.root)
    assert checked.returncode == 0, checked.describe()
    ran = workbook_main("solution", "04", cwd=scratch.root)
    assert ran.returncode == 0 and f"{LEARNER_FILE}: identical to the reference solution." in ran.stdout, ran.describe()


def test_a_reader_that_stops_early_gets_no_traceback(scratch: Scratch):
    """`workbook solution 04 --force | head`: the reader closes the pipe before the end."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [str(WORKBOOK), "solution", "04", "--force"], cwd=scratch.root, env=learner_env(),
            stdout=writer, stderr=subprocess.PIPE, text=True, timeout=60,
        )
    finally:
        os.close(writer)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, (
        f"$ workbook solution 04 --force | (a reader that has already quit)\n(exit code "
        f"{done.returncode})\n--- stderr ---\n{done.stderr}"
    )
