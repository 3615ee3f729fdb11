"""Katas on disk: a folder ``katas/NN_slug/`` with ``kata.toml``, README, component, tests."""

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FOLDER_NAME = re.compile(r"^(\d\d)_([a-z0-9_]+)$")
METADATA_FILE = "kata.toml"


class KataError(Exception):
    """A kata folder or its metadata is not as the workbook expects."""


@dataclass(frozen=True)
class Kata:
    path: Path
    number: str
    slug: str
    title: str
    chapter: int
    order: int
    notebook: str
    edit: tuple[str, ...]
    objectives: tuple[str, ...]
    hints: tuple[str, ...]
    timeout_seconds: float

    @property
    def name(self) -> str:
        """The folder name, e.g. ``04_jsonb_not_saving``."""
        return self.path.name

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.chapter, self.order, self.slug)

    @property
    def short_id(self) -> str:
        """Chapter and place in it, "04.1": unique even where a chapter has several katas."""
        return f"{self.number}.{self.order}"


def load_kata(path: Path) -> Kata:
    """Read one kata folder; raise KataError saying what is wrong with it."""
    match = FOLDER_NAME.match(path.name)
    if not match:
        raise KataError(f"{path}: a kata folder is named NN_slug, like 04_jsonb_not_saving")
    metadata_path = path / METADATA_FILE
    try:
        meta = tomllib.loads(metadata_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KataError(f"{path}: no {METADATA_FILE}") from None
    except tomllib.TOMLDecodeError as exc:
        raise KataError(f"{metadata_path}: {exc}") from None
    try:
        kata = Kata(
            path=path,
            number=match.group(1),
            slug=match.group(2),
            title=str(meta["title"]),
            chapter=int(meta["chapter"]),
            order=int(meta["order"]),
            notebook=str(meta["notebook"]),
            edit=tuple(meta["edit"]),
            objectives=tuple(meta["objectives"]),
            hints=tuple(meta["hints"]),
            timeout_seconds=float(meta.get("timeout_seconds", 10)),
        )
    except KeyError as exc:
        raise KataError(f"{metadata_path}: missing key {exc.args[0]!r}") from None
    return kata


def discover(root: Path) -> list[Kata]:
    """Every kata under ``root`` (the katas/ folder), in curriculum order."""
    if not root.is_dir():
        raise KataError(f"no katas folder at {root}")
    folders = [p for p in root.iterdir() if p.is_dir() and FOLDER_NAME.match(p.name)]
    return sorted((load_kata(p) for p in folders), key=lambda kata: kata.sort_key)


def kata_folder_of(path: Path) -> Path | None:
    return next((p for p in [path, *path.parents] if FOLDER_NAME.match(p.name)), None)


@functools.cache
def kata_at(folder: Path) -> Kata:
    """The kata's metadata, read once (every test asks for its time limit); the pytest
    plugin clears the cache when a run starts."""
    return load_kata(folder)
