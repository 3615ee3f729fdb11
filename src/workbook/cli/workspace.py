"""Where the learner's workbook is, and the katas and records in it."""

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from workbook.katas.catalog import Kata, discover
from workbook.katas.resolve import resolve
from workbook.katas.results import read_document
from workbook.katas.scoreboard import next_kata


class NoWorkbook(Exception):
    """Run outside a workbook folder, with no WORKBOOK_ROOT to say where it is."""


def find_root(start: Path) -> Path:
    if os.environ.get("WORKBOOK_ROOT"):
        return Path(os.environ["WORKBOOK_ROOT"]).resolve()
    for folder in [start, *start.parents]:
        if (folder / "katas" / "pytest.ini").is_file():
            return folder
    raise NoWorkbook(
        f"no workbook here: {start} is not inside a folder with katas/pytest.ini. "
        f"Run the command in the workbook's folder, or set WORKBOOK_ROOT."
    )


@dataclass
class Workspace:
    root: Path

    @classmethod
    def here(cls) -> "Workspace":
        return cls(find_root(Path.cwd().resolve()))

    @property
    def katas_root(self) -> Path:
        return self.root / "katas"

    @property
    def state(self) -> Path:
        """Learner state (results, hint levels, backups): never committed, never shipped."""
        return self.root / ".workbook"

    @property
    def results_file(self) -> Path:
        return self.state / "results.json"

    @cached_property
    def katas(self) -> list[Kata]:
        return discover(self.katas_root)

    def results(self) -> dict[str, Any]:
        return read_document(self.results_file)

    def kata(self, name: str | None) -> Kata:
        """The kata the learner named, or with no name the next one not solved yet."""
        if name is not None:
            return resolve(name, self.katas)
        return next_kata(self.katas, self.results()) or self.katas[-1]

    def show(self, path: Path) -> str:
        """A path as the learner best reads it: relative to the workbook when inside it."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)
