"""Scratch notebook folders for the workshop kit's tests: small notebooks written as JSON,
with only what the kit reads (metadata.workbook) and, where a test renders them, a few cells."""

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def write_notebook(
    folder: Path, number: int, slug: str, *, title: str, teaching: int, exercise: int,
    katas: tuple[str, ...] = (), cells: list[dict[str, Any]] | None = None,
) -> Path:
    """notebooks/NN_slug.ipynb with the given workbook metadata and cells."""
    document = {
        "cells": cells or [],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "workbook": {
                "chapter": number, "title": title, "teaching_minutes": teaching,
                "exercise_minutes": exercise, "katas": list(katas),
            },
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = folder / f"{number:02d}_{slug}.ipynb"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def set_minutes(path: Path, *, teaching: int | None = None, exercise: int | None = None) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    meta = document["metadata"]["workbook"]
    if teaching is not None:
        meta["teaching_minutes"] = teaching
    if exercise is not None:
        meta["exercise_minutes"] = exercise
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    """Four chapters, 00-03, with minutes unlike the real ones."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    write_notebook(folder, 0, "welcome", title="Welcome", teaching=20, exercise=5)
    write_notebook(folder, 1, "first", title="First steps", teaching=30, exercise=15, katas=("01_one", "01_two"))
    write_notebook(folder, 2, "second", title="Second <steps>", teaching=40, exercise=25, katas=("02_three",))
    write_notebook(folder, 3, "third", title="Third", teaching=50, exercise=10, katas=("03_four",))
    return folder
