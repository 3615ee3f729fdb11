"""`workbook hint KATA` (one more hint each call) and `workbook list` (every kata, chapter,
status, notebook).

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import json
import tomllib

from .conftest import KATA, WARMUP, Scratch, run_katas, run_workbook


def shipped_hints(scratch: Scratch, kata: str = KATA) -> list[str]:
    return tomllib.loads((scratch.kata_dir(kata) / "kata.toml").read_text(encoding="utf-8"))["hints"]


def test_each_hint_call_reveals_the_next_level_then_says_it_was_the_last(scratch: Scratch):
    hints = shipped_hints(scratch)
    total = len(hints)
    assert total >= 2, f"kata {KATA} ships {total} hints"
    for level, hint in enumerate(hints, start=1):
        ran = run_workbook("hint", "04", cwd=scratch.root)
        assert ran.returncode == 0, ran.describe()
        assert f"Hint {level} of {total} for {KATA}" in ran.stdout and hint in ran.stdout, (
            f"call {level} should show hint {level} of {total}.\n{ran.describe()}"
        )
        for other in hints[level:]:
            assert other not in ran.stdout, f"call {level} must not reveal later hints.\n{ran.describe()}"
        remaining = total - level
        if remaining:
            expected = f"{remaining} more hint{'s' if remaining > 1 else ''}"
            assert expected in ran.stdout, f"expected {expected!r}.\n{ran.describe()}"
        else:
            assert "That was the last hint." in ran.stdout, ran.describe()
            assert f"workbook solution {KATA} --force" in ran.stdout, ran.describe()

    again = run_workbook("hint", "04", cwd=scratch.root)
    assert again.returncode == 0 and f"Hint {total} of {total}" in again.stdout, again.describe()
    assert "That was the last hint." in again.stdout, again.describe()


def test_hint_levels_are_kept_per_kata(two_katas: Scratch, workbook_main):
    workbook_main("hint", "04", cwd=two_katas.root)
    workbook_main("hint", "04", cwd=two_katas.root)
    ran = workbook_main("hint", WARMUP, cwd=two_katas.root)
    assert f"Hint 1 of 2 for {WARMUP}" in ran.stdout, f"01_warmup's hints start at 1.\n{ran.describe()}"
    levels = json.loads((two_katas.state / "hints.json").read_text(encoding="utf-8"))
    assert levels == {KATA: 2, WARMUP: 1}, f"hints.json: {levels}"


def test_hint_without_a_kata_is_for_the_next_unsolved(two_katas: Scratch):
    ran = run_workbook("hint", cwd=two_katas.root)
    assert ran.returncode == 0 and f"Hint 1 of 2 for {WARMUP}" in ran.stdout, ran.describe()


def test_hint_in_process(scratch: Scratch, workbook_main):
    first = workbook_main("hint", "jsonb_not_saving", cwd=scratch.root)
    second = workbook_main("hint", "jsonb_not_saving", cwd=scratch.root)
    assert "Hint 1 of 3" in first.stdout and "Hint 2 of 3" in second.stdout, first.describe() + second.describe()


def test_list_shows_every_kata_with_chapter_status_and_notebook(scratch: Scratch):
    ran = run_workbook("list", cwd=scratch.root)
    assert ran.returncode == 0, ran.describe()
    lines = ran.stdout.splitlines()
    assert lines[0].split() == ["id", "kata", "chapter", "status", "notebook"], ran.describe()
    assert lines[1].split() == ["04.1", KATA, "4", "not", "run", "notebooks/04_jsonb_mutation.ipynb"], ran.describe()
    assert f"0 of 1 solved. Next: workbook check {KATA}" in ran.stdout, ran.describe()
    assert not scratch.state.exists(), f"listing writes nothing.\n{ran.describe()}"


def test_list_follows_curriculum_order_and_progress(two_katas: Scratch, workbook_main):
    run_katas(f"katas/{KATA}", cwd=two_katas.root)
    two_katas.apply_solution(WARMUP)
    run_katas(f"katas/{WARMUP}", cwd=two_katas.root)
    ran = workbook_main("list", cwd=two_katas.root)
    rows = [line.split()[1:4] for line in ran.stdout.splitlines()[1:3]]
    assert rows == [[WARMUP, "1", "solved"], [KATA, "4", "not"]], ran.describe()
    assert f"1 of 2 solved. Next: workbook check {KATA}" in ran.stdout, ran.describe()
