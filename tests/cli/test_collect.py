"""`workbook collect`: participants' results files as one per-kata table and CSV.

The results files are written by the workbook's own recorder (workbook.katas.results.record),
as `pytest katas` writes them, so these tests follow the schema wherever it goes.

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from workbook.katas import results
from workbook.katas.results import KataResult
from workbook.katas.results import TestResult as RecordedTest

from .conftest import KATA, ROOT, WARMUP, WARMUP_FILES, Ran, run_workbook

ONLY_IN_RESULTS = "02_from_another_version"
TESTS = ("test_first", "test_second", "test_third")


def grading(failing: dict[str, str] | None = None, *, edited: bool = False) -> KataResult:
    """One grading of a kata with TESTS: ``failing`` maps a test to "failed" or "error"."""
    failing = failing or {}
    return KataResult(
        tests=[
            RecordedTest(name, failing.get(name, "passed"),
                       "AssertionError" if name in failing else None,
                       "expected this, saw that" if name in failing else None)
            for name in TESTS
        ],
        edited_tests=[f"katas/{KATA}/test_jsonb_not_saving.py"] if edited else [],
    )


PASSING = grading()


@pytest.fixture
def write_results(tmp_path: Path) -> Callable[..., Path]:
    """``write_results(name, {kata: [grading, ...]}, participant=..., at=...)``: the file
    ``inbox/<name>/results.json`` after those gradings, in order, recorded by the workbook."""

    def write(name: str, gradings: dict[str, list[KataResult]], *, participant: str | None = None,
              at: str | None = None) -> Path:
        path = tmp_path / "inbox" / name / "results.json"
        with pytest.MonkeyPatch.context() as patch:  # only while recording
            patch.setenv("WORKBOOK_PARTICIPANT", participant or name)
            if at is not None:
                patch.setattr(results, "now", lambda: at)
            for kata, runs in gradings.items():
                for run in runs:
                    results.record(path, {kata: run})
        return path

    return write


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A workbook with two katas' metadata: 01_warmup (chapter 1), then kata 04."""
    root = tmp_path / "workbook"
    (root / "katas").mkdir(parents=True)
    shutil.copy(ROOT / "katas" / "pytest.ini", root / "katas" / "pytest.ini")
    (root / "katas" / WARMUP).mkdir()
    (root / "katas" / WARMUP / "kata.toml").write_text(WARMUP_FILES["kata.toml"], encoding="utf-8")
    (root / "katas" / KATA).mkdir()
    shutil.copy(ROOT / "katas" / KATA / "kata.toml", root / "katas" / KATA / "kata.toml")
    return root


def rows(ran: Ran) -> dict[str, list[str]]:
    """The table's rows by kata: its cells split on runs of two spaces or more."""
    lines = ran.stdout.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("kata ")), None)
    assert header is not None, f"no table (a line starting with 'kata') in the output.\n{ran.describe()}"
    table = {}
    for line in lines[header + 1:]:
        if not line.strip():
            break
        cells = [c for c in line.split("  ") if c.strip()]
        table[cells[0].strip()] = [c.strip() for c in cells[1:]]
    return table


def test_a_row_per_kata_in_curriculum_order_with_counts_median_and_most_failed(
    workbook: Path, write_results: Callable[..., Path], workbook_main
):
    write_results("ada", {KATA: [grading({"test_first": "failed"})] * 3 + [PASSING], WARMUP: [PASSING]})
    write_results("bob", {KATA: [grading({"test_first": "failed", "test_second": "failed"})]})
    write_results("cy", {KATA: [grading({"test_first": "error"})], ONLY_IN_RESULTS: [PASSING]})
    ran = workbook_main("collect", str(workbook.parent / "inbox"), cwd=workbook)
    assert ran.returncode == 0, ran.describe()
    assert "3 participants." in ran.stdout, ran.describe()
    table = rows(ran)
    assert list(table) == [WARMUP, KATA, ONLY_IN_RESULTS], (
        f"rows should follow the catalog (chapter 1 before 4), then katas only the results know.\n{ran.describe()}"
    )
    # kata 04: attempts 4, 1, 1 (median 1, where the mean would be 2); solved by ada only;
    # test_first fails for bob and cy at their latest grading (ada's failures came before
    # she solved it), test_second for bob only.
    assert table[KATA] == ["3", "1/3", "0", "1", "test_first (2)"], ran.describe()
    assert table[WARMUP] == ["1", "1/3", "0", "1", "-"], ran.describe()
    assert table[ONLY_IN_RESULTS][:2] == ["1", "1/3"], ran.describe()


def test_an_even_number_of_attempts_gives_the_middle_of_the_two_and_ties_are_all_named(
    workbook: Path, write_results: Callable[..., Path], workbook_main
):
    write_results("ada", {KATA: [grading({"test_first": "failed"})]})
    write_results("bob", {KATA: [grading({"test_third": "failed"})] * 2})
    write_results("cy", {KATA: [PASSING] * 3})
    write_results("dee", {KATA: [PASSING] * 10})
    ran = workbook_main("collect", str(workbook.parent / "inbox"), cwd=workbook)
    kata_row = rows(ran)[KATA]
    assert kata_row[3] == "2.5", (
        f"attempts 1, 2, 3 and 10: the median is 2.5 (the mean would be 4), the table says "
        f"{kata_row[3]!r}.\n{ran.describe()}"
    )
    assert kata_row[4] == "test_first; test_third (1)", (
        f"two tests fail for one participant each: both are named.\n{ran.describe()}"
    )


def test_edited_tests_are_counted_apart_never_as_solved_nor_in_most_failed(
    workbook: Path, write_results: Callable[..., Path], workbook_main
):
    write_results("ada", {KATA: [grading(edited=True)]})  # every test passed, but edited
    write_results("bob", {KATA: [grading({"test_third": "failed"}, edited=True)]})
    write_results("cy", {KATA: [grading({"test_second": "failed"})]})
    ran = workbook_main("collect", str(workbook.parent / "inbox"), cwd=workbook)
    attempted, solved, edited, _, most_failed = rows(ran)[KATA]
    assert (attempted, solved, edited) == ("3", "0/3", "2"), (
        f"three attempted, two with edited tests (one passing them all): none solved.\n{ran.describe()}"
    )
    assert most_failed == "test_second (1)", (
        f"bob's failing test_third ran in edited tests and does not count.\n{ran.describe()}"
    )
    assert "edited shipped tests, not counted as solved" in ran.stdout, ran.describe()


def test_the_csv_holds_the_same_figures(
    workbook: Path, write_results: Callable[..., Path], workbook_main, tmp_path: Path
):
    write_results("ada", {KATA: [grading({"test_first": "failed"}), PASSING]})
    write_results("bob", {KATA: [grading({"test_first": "failed"})]})
    csv_path = tmp_path / "out" / "progress.csv"
    ran = workbook_main("collect", str(workbook.parent / "inbox"), "--csv", str(csv_path), cwd=workbook)
    assert ran.returncode == 0 and f"CSV written to {csv_path}" in ran.stdout, ran.describe()
    with csv_path.open(newline="", encoding="utf-8") as file:
        parsed = list(csv.DictReader(file))
    assert [row["kata"] for row in parsed] == [WARMUP, KATA], parsed
    assert parsed[0] == {
        "kata": WARMUP, "attempted": "0", "solved": "0", "participants": "2", "edited_tests": "0",
        "median_attempts": "", "most_failed_tests": "", "most_failed_count": "0",
    }, f"nobody attempted the warm-up:\n{parsed[0]}"
    assert parsed[1] == {
        "kata": KATA, "attempted": "2", "solved": "1", "participants": "2", "edited_tests": "0",
        "median_attempts": "1.5", "most_failed_tests": "test_first", "most_failed_count": "1",
    }, parsed[1]


def test_unusable_files_are_named_and_skipped_and_the_exit_code_says_so(
    workbook: Path, write_results: Callable[..., Path], workbook_main
):
    good = write_results("ada", {KATA: [PASSING]})
    inbox = good.parent.parent
    (inbox / "bob").mkdir()
    (inbox / "bob" / "results.json").write_text("{ half a file", encoding="utf-8")
    (inbox / "cy").mkdir()
    (inbox / "cy" / "results.json").write_text(json.dumps({"schema": 99, "katas": {}}), encoding="utf-8")
    (inbox / "dee").mkdir()
    broken = json.loads(good.read_text(encoding="utf-8"))
    broken["katas"][KATA]["attempts"] = "three"
    (inbox / "dee" / "results.json").write_text(json.dumps(broken), encoding="utf-8")
    ran = workbook_main("collect", str(inbox), str(inbox / "nobody.json"), cwd=workbook)
    assert ran.returncode == 1, f"some files were set aside: exit code 1.\n{ran.describe()}"
    for name, why in [("bob", "not valid JSON"), ("cy", "schema 99"), ("dee", "'attempts'")]:
        line = next((l for l in ran.stderr.splitlines() if f"{name}/results.json" in l), "")
        assert "skipped" in line and why in line, f"{name}'s file should be named with {why!r}.\n{ran.describe()}"
    assert "nobody.json: no such file or folder" in ran.stderr, ran.describe()
    assert "1 participant." in ran.stdout and rows(ran)[KATA][:2] == ["1", "1/1"], ran.describe()


@pytest.mark.parametrize("given", ["empty-folder", "missing-file"])
def test_nothing_to_summarise_is_an_error(workbook: Path, workbook_main, tmp_path: Path, given: str):
    path = tmp_path / given
    if given == "empty-folder":
        path.mkdir()
    ran = workbook_main("collect", str(path), cwd=workbook)
    assert ran.returncode == 2 and ran.stdout == "", f"no results: exit code 2, no table.\n{ran.describe()}"
    assert f"no usable results file in {path}" in ran.stderr, ran.describe()


def test_the_newer_file_of_a_participant_wins_and_it_is_said(
    workbook: Path, write_results: Callable[..., Path], workbook_main
):
    older = write_results("ada-monday", {KATA: [grading({"test_first": "failed"})]},
                          participant="ada", at="2026-11-23T09:00:00+00:00")
    newer = write_results("ada-tuesday", {KATA: [PASSING]}, participant="ada", at="2026-11-24T09:00:00+00:00")
    ran = workbook_main("collect", str(newer), str(older), cwd=workbook)
    assert ran.returncode == 0, f"a participant's older file is no error.\n{ran.describe()}"
    assert f"{older}: skipped, participant 'ada' also has {newer}, graded later" in ran.stderr, ran.describe()
    assert "1 participant." in ran.stdout and rows(ran)[KATA][:2] == ["1", "1/1"], ran.describe()


def test_a_file_without_participant_counts_under_its_path(
    workbook: Path, write_results: Callable[..., Path], workbook_main
):
    paths = [write_results(name, {KATA: [PASSING]}, participant="same") for name in ("one", "two")]
    for path in paths:
        document = json.loads(path.read_text(encoding="utf-8"))
        del document["participant"]
        path.write_text(json.dumps(document), encoding="utf-8")
    ran = workbook_main("collect", *map(str, paths), cwd=workbook)
    assert ran.returncode == 0 and "2 participants." in ran.stdout, (
        f"two files without a participant field are two participants, by path.\n{ran.describe()}"
    )


def test_outside_a_workbook_katas_come_in_name_order(
    write_results: Callable[..., Path], outside: Path
):
    write_results("ada", {KATA: [PASSING], ONLY_IN_RESULTS: [PASSING], WARMUP: [PASSING]})
    ran = run_workbook("collect", str(outside.parent.parent / "inbox"), cwd=outside)
    assert ran.returncode == 0, ran.describe()
    assert list(rows(ran)) == [WARMUP, ONLY_IN_RESULTS, KATA], ran.describe()


def test_a_file_named_twice_counts_once(workbook: Path, write_results: Callable[..., Path], workbook_main):
    path = write_results("ada", {KATA: [PASSING]})
    ran = workbook_main("collect", str(path), str(path.parent.parent), cwd=workbook)
    assert ran.returncode == 0 and "1 participant." in ran.stdout and ran.stderr == "", (
        f"the file itself and the folder holding it: one file, no duplicate to report.\n{ran.describe()}"
    )


def test_a_csv_that_cannot_be_written_is_said_after_the_table(
    workbook: Path, write_results: Callable[..., Path], workbook_main
):
    path = write_results("ada", {KATA: [PASSING]})
    blocker = workbook / "not-a-folder"
    blocker.write_text("a file where the CSV's folder should be", encoding="utf-8")
    ran = workbook_main("collect", str(path), "--csv", str(blocker / "progress.csv"), cwd=workbook)
    assert ran.returncode == 1 and KATA in rows(ran), ran.describe()
    assert f"cannot write the CSV to {blocker / 'progress.csv'}" in ran.stderr, ran.describe()
