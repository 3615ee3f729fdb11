"""KATA as a learner types it, and the clear answers to input the workbook cannot use.

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import pytest

from .conftest import KATA, Scratch, file_digests, run_workbook

KATA_SPELLINGS = [
    pytest.param("04", id="number"),
    pytest.param("4", id="number-without-zero"),
    pytest.param("jsonb_not_saving", id="slug"),
    pytest.param(KATA, id="folder-name"),
    pytest.param(f"katas/{KATA}/", id="relative-path"),
    pytest.param(f"./katas/{KATA}", id="dotted-path"),
    pytest.param("04_JSONB_NOT_SAVING", id="upper-case"),
]


@pytest.mark.parametrize("spelling", KATA_SPELLINGS)
def test_every_spelling_of_a_kata_names_it(scratch: Scratch, spelling: str):
    ran = run_workbook("hint", spelling, cwd=scratch.root)
    assert ran.returncode == 0 and f"Hint 1 of 3 for {KATA}" in ran.stdout, (
        f"`workbook hint {spelling}` should show kata {KATA}'s first hint.\n{ran.describe()}"
    )


def test_an_absolute_path_names_the_kata(scratch: Scratch):
    ran = run_workbook("hint", str(scratch.kata_dir()), cwd=scratch.root)
    assert ran.returncode == 0 and f"for {KATA}" in ran.stdout, ran.describe()


@pytest.mark.parametrize("spelling", ["04", "jsonb_not_saving", f"katas/{KATA}"])
def test_every_spelling_of_a_kata_names_it_in_process(scratch: Scratch, workbook_main, spelling: str):
    ran = workbook_main("hint", spelling, cwd=scratch.root)
    assert ran.returncode == 0 and f"Hint 1 of 3 for {KATA}" in ran.stdout, ran.describe()


@pytest.mark.parametrize("command", [["check"], ["hint"], ["reset"], ["solution"], ["solution", "--force"], ["watch"]])
def test_a_typo_answers_did_you_mean_and_changes_nothing(scratch: Scratch, command: list[str]):
    before = file_digests(scratch.root)
    ran = run_workbook(*command, "jsonb_not_savng", cwd=scratch.root, timeout=30)
    assert ran.returncode == 2, f"a misspelt kata should exit 2.\n{ran.describe()}"
    assert f"Did you mean {KATA}?" in ran.stderr, f"expected a 'Did you mean {KATA}?' on stderr.\n{ran.describe()}"
    assert "Traceback" not in ran.output, ran.describe()
    assert file_digests(scratch.root) == before, f"a misspelt kata must change no file.\n{ran.describe()}"


def test_a_typo_answers_did_you_mean_in_process(scratch: Scratch, workbook_main):
    ran = workbook_main("check", "jsonb_not_savng", cwd=scratch.root)
    assert ran.returncode == 2 and f"Did you mean {KATA}?" in ran.stderr, ran.describe()
    assert not scratch.state.exists(), f"nothing may be recorded for an unknown kata.\n{ran.describe()}"


def test_an_unknown_number_says_so_and_points_to_list(scratch: Scratch):
    ran = run_workbook("check", "05", cwd=scratch.root, timeout=30)
    assert ran.returncode == 2, ran.describe()
    assert "no kata named '05'" in ran.stderr and "workbook list" in ran.stderr, ran.describe()


def test_a_partial_name_suggests_the_kata(scratch: Scratch):
    """`jsonb` is the start of the only kata's slug: the answer should offer it."""
    ran = run_workbook("check", "jsonb", cwd=scratch.root, timeout=30)
    assert ran.returncode == 2, ran.describe()
    assert f"Did you mean {KATA}?" in ran.stderr, (
        f"`workbook check jsonb` (a prefix of the slug jsonb_not_saving) should suggest {KATA}.\n"
        f"{ran.describe()}"
    )


@pytest.mark.parametrize("command", [["list"], ["check"], ["hint", "04"], ["reset", "04"], ["solution", "04"], ["doctor"]])
def test_outside_a_workbook_the_answer_says_where_to_run(outside, command: list[str]):
    ran = run_workbook(*command, cwd=outside, timeout=60)
    assert ran.returncode == 2, f"outside a workbook, `workbook {' '.join(command)}` should exit 2.\n{ran.describe()}"
    assert "no workbook here" in ran.stderr and "WORKBOOK_ROOT" in ran.stderr, ran.describe()
    assert "Traceback" not in ran.output, ran.describe()
    assert not any(outside.iterdir()), f"nothing may be written outside a workbook.\n{ran.describe()}"


def test_outside_a_workbook_in_process(outside, workbook_main):
    ran = workbook_main("list", cwd=outside)
    assert ran.returncode == 2 and "no workbook here" in ran.stderr, ran.describe()


def test_workbook_root_points_to_the_workbook_from_anywhere(scratch: Scratch, outside):
    ran = run_workbook("list", cwd=outside, WORKBOOK_ROOT=str(scratch.root))
    assert ran.returncode == 0 and KATA in ran.stdout, ran.describe()


def test_a_subfolder_of_the_workbook_finds_it(scratch: Scratch):
    ran = run_workbook("hint", "04", cwd=scratch.kata_dir())
    assert ran.returncode == 0 and f"for {KATA}" in ran.stdout, ran.describe()
    assert (scratch.state / "hints.json").is_file(), f"hint levels belong in the workbook's .workbook/.\n{ran.describe()}"


def test_workbook_root_without_katas_says_so(outside):
    ran = run_workbook("list", cwd=outside, WORKBOOK_ROOT=str(outside))
    assert ran.returncode == 2 and "no katas folder" in ran.stderr, ran.describe()
    assert "Traceback" not in ran.output, ran.describe()


def test_a_command_without_its_kata_shows_usage(scratch: Scratch, workbook_main):
    ran = workbook_main("reset", cwd=scratch.root)
    assert ran.returncode == 2 and "usage: workbook reset" in ran.stderr, ran.describe()

