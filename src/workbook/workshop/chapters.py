"""The chapters as the notebooks describe themselves: ``metadata.workbook`` of each
``notebooks/NN_slug.ipynb`` (chapter, title, teaching and exercise minutes, katas).

Read with json, not nbformat: only the metadata is needed, and nbformat's import alone costs
more than reading every notebook.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

NOTEBOOK_NAME = re.compile(r"^(\d\d)_[a-z0-9_]+\.ipynb$")


class ChapterError(Exception):
    """A notebook is missing, or its workbook metadata is not as the workshop kit expects."""


@dataclass(frozen=True)
class Chapter:
    number: int
    path: Path
    title: str
    teaching_minutes: int
    exercise_minutes: int
    katas: tuple[str, ...]

    @property
    def minutes(self) -> int:
        return self.teaching_minutes + self.exercise_minutes

    @property
    def label(self) -> str:
        """"04 JSON / JSONB mutation — ...": the number as the folders spell it, then the title."""
        return f"{self.number:02d} {self.title}"


def read_chapter(path: Path) -> Chapter:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["workbook"]
    except (OSError, ValueError) as exc:
        raise ChapterError(f"{path}: cannot read the notebook: {exc}") from None
    except (KeyError, TypeError):
        raise ChapterError(f"{path}: no metadata.workbook in the notebook") from None
    try:
        chapter = Chapter(
            number=int(meta["chapter"]),
            path=path,
            title=str(meta["title"]),
            teaching_minutes=int(meta["teaching_minutes"]),
            exercise_minutes=int(meta["exercise_minutes"]),
            katas=tuple(meta["katas"]),
        )
    except KeyError as exc:
        raise ChapterError(f"{path}: metadata.workbook has no {exc.args[0]!r}") from None
    if chapter.number != int(path.name[:2]):
        raise ChapterError(f"{path}: metadata.workbook.chapter is {chapter.number}, the file name says {path.name[:2]}")
    return chapter


def read_chapters(notebooks: Path) -> dict[int, Chapter]:
    """Every chapter notebook in ``notebooks`` by chapter number, in order."""
    paths = sorted(p for p in notebooks.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))
    if not paths:
        raise ChapterError(f"no chapter notebooks (NN_slug.ipynb) in {notebooks}")
    chapters: dict[int, Chapter] = {}
    for path in paths:
        chapter = read_chapter(path)
        if chapter.number in chapters:
            raise ChapterError(f"chapter {chapter.number} twice: {chapters[chapter.number].path.name} and {path.name}")
        chapters[chapter.number] = chapter
    return dict(sorted(chapters.items()))
