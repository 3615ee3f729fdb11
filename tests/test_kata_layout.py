"""Every kata is complete: metadata, README, tests, a solution, decoys that say why."""

import ast
from pathlib import Path

import pytest

from workbook.katas.catalog import Kata, discover
from workbook.katas.shipped import build_manifest, read_manifest

ROOT = Path(__file__).resolve().parents[1]
KATAS = discover(ROOT / "katas")
VARIANTS = ROOT / "tests" / "kata_variants"
by_name = pytest.mark.parametrize("kata", KATAS, ids=lambda kata: kata.name)


def test_there_are_katas():
    assert KATAS, f"discover() found no kata under {ROOT / 'katas'}"


@by_name
def test_kata_has_readme_tests_and_two_or_more_hints(kata: Kata):
    assert (kata.path / "README.md").is_file(), f"{kata.name} has no README.md"
    assert list(kata.path.glob("test_*.py")), f"{kata.name} has no test_*.py"
    assert len(kata.hints) >= 2, f"{kata.name} has {len(kata.hints)} hint(s); tiered hints need 2+"
    assert kata.objectives, f"{kata.name} lists no objectives"
    assert (ROOT / kata.notebook).is_file(), f"{kata.name} names notebook {kata.notebook}, not found"
    missing = [name for name in kata.edit if not (kata.path / name).is_file()]
    assert not missing, f"{kata.name}/kata.toml lists {missing} to edit, but there is no such file"


@by_name
def test_solution_replaces_exactly_the_files_the_learner_edits(kata: Kata):
    solution = ROOT / "solutions" / kata.name
    assert sorted(p.name for p in solution.glob("*.py")) == sorted(kata.edit), (
        f"solutions/{kata.name} should hold {sorted(kata.edit)}"
    )
    assert (solution / "EXPLANATION.md").is_file(), f"solutions/{kata.name} has no EXPLANATION.md"


@by_name
def test_kata_has_decoys_and_every_variant_says_why(kata: Kata):
    decoys = list((VARIANTS / kata.name / "decoys").glob("*/"))
    assert decoys, f"{kata.name} has no decoy under {VARIANTS / kata.name / 'decoys'}"
    for source in (VARIANTS / kata.name).glob("*/*/*.py"):
        docstring = ast.get_docstring(ast.parse(source.read_text(encoding="utf-8")))
        assert docstring and "because" in docstring, (
            f"{source.relative_to(ROOT)} needs a module docstring saying why it is wrong or right"
        )


def test_shipped_manifest_matches_the_katas():
    """katas/SHIPPED.json is what reset restores and what edited tests are checked against."""
    assert read_manifest(ROOT / "katas") == build_manifest(ROOT / "katas"), (
        "katas/SHIPPED.json is out of date with the kata files: run "
        "`python3 run.py python -m workbook.katas.shipped --write` and commit it"
    )
