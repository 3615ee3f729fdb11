"""The contract every kata keeps (CONVENTIONS.md, "Katas"), checked on a scratch copy:

1. as shipped, its tests fail, and only by assertion (never an import, collection or
   set-up error, never a timeout);
2. with the solution's files copied over, every test passes;
3. with each decoy (a plausible wrong fix, tests/kata_variants/<kata>/decoys/<name>/),
   at least one test fails;
4. with each alternative correct fix (.../alternatives/<name>/), every test passes.

Runs on the database in WORKBOOK_DATABASE_URL, like the katas themselves.
"""

import shutil
from pathlib import Path

import pytest

from workbook.katas.catalog import Kata, discover
from workbook.katas.runner import GradeRun, grade

pytestmark = pytest.mark.database

ROOT = Path(__file__).resolve().parents[1]
KATAS = discover(ROOT / "katas")
VARIANTS = ROOT / "tests" / "kata_variants"


def variants(kind: str) -> list[pytest.param]:
    return [
        pytest.param(kata, folder, id=f"{kata.name}/{folder.name}")
        for kata in KATAS
        for folder in sorted((VARIANTS / kata.name / kind).glob("*/"))
    ]


def grade_copy(kata: Kata, workspace: Path, overlay: Path | None = None) -> GradeRun:
    """Copy the kata (and the katas/ config) to ``workspace``, lay ``overlay``'s files
    over the learner's, and grade the copy."""
    shutil.copy(ROOT / "katas" / "pytest.ini", workspace / "pytest.ini")
    copy = workspace / kata.name
    shutil.copytree(kata.path, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if overlay is not None:
        for source in overlay.glob("*.py"):
            assert source.name in kata.edit, (
                f"{source} replaces {source.name}, which is not a file the learner edits in "
                f"{kata.name} (kata.toml lists {list(kata.edit)})"
            )
            shutil.copy(source, copy / source.name)
    return grade(copy)


def summary(run: GradeRun) -> str:
    lines = [f"{t.status:7} {t.name} {t.exception or ''}" for t in run.result.tests]
    return "\n".join(lines) or f"no test results; pytest said:\n{run.output[-3000:]}"


@pytest.mark.parametrize("kata", KATAS, ids=lambda kata: kata.name)
def test_kata_fails_as_shipped_by_assertion(kata: Kata, tmp_path: Path):
    run = grade_copy(kata, tmp_path)
    assert run.result.failed_by_assertion_only, (
        f"{kata.name} as shipped must fail, by AssertionError only; the tests gave:\n{summary(run)}"
    )


@pytest.mark.parametrize("kata", KATAS, ids=lambda kata: kata.name)
def test_kata_passes_with_its_solution(kata: Kata, tmp_path: Path):
    run = grade_copy(kata, tmp_path, ROOT / "solutions" / kata.name)
    assert run.result.solved, f"{kata.name} with solutions/{kata.name} copied over:\n{summary(run)}"


@pytest.mark.parametrize(("kata", "decoy"), variants("decoys"))
def test_kata_rejects_decoy(kata: Kata, decoy: Path, tmp_path: Path):
    run = grade_copy(kata, tmp_path, decoy)
    assert run.result.tests and not run.result.solved, (
        f"decoy {decoy.name} (a wrong fix) must fail at least one test of {kata.name}:\n{summary(run)}"
    )


@pytest.mark.parametrize(("kata", "alternative"), variants("alternatives"))
def test_kata_accepts_alternative(kata: Kata, alternative: Path, tmp_path: Path):
    run = grade_copy(kata, tmp_path, alternative)
    assert run.result.solved, (
        f"alternative fix {alternative.name} must pass every test of {kata.name}:\n{summary(run)}"
    )
