"""Participants' results files, gathered for a facilitator: found, read, checked, one per
participant.

A path given is a results file, or a folder searched (at any depth) for ``results.json``.
A file that cannot be read or does not follow the schema (see workbook/katas/results.py)
is set aside with the reason, never a reason to drop the others. Two files of the same
participant (the ``participant`` field, else the file's path): the one graded last
(``updated_at``) is kept, the other is set aside and said so.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workbook.katas.results import SCHEMA_VERSION

RESULTS_NAME = "results.json"


@dataclass(frozen=True)
class ParticipantResults:
    participant: str
    path: Path
    updated_at: str
    katas: dict[str, dict[str, Any]]


@dataclass
class Collection:
    results: list[ParticipantResults] = field(default_factory=list)
    invalid: list[tuple[Path, str]] = field(default_factory=list)   # (file, why)
    superseded: list[tuple[ParticipantResults, ParticipantResults]] = field(default_factory=list)  # (dropped, kept)
    missing: list[Path] = field(default_factory=list)               # paths given that do not exist


def find_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The results files named or found under the folders named, and the paths that do not exist."""
    found: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob(RESULTS_NAME)))
        elif path.is_file():
            found.append(path)
        else:
            missing.append(path)
    by_real_path: dict[Path, Path] = {}  # a file named twice (or also found in a folder given) counts once
    for path in found:
        by_real_path.setdefault(path.resolve(), path)
    return list(by_real_path.values()), missing


def schema_problem(document: Any) -> str | None:
    """What is wrong with a results document, or None if it follows schema 1."""
    if not isinstance(document, dict):
        return "not a JSON object"
    if document.get("schema") != SCHEMA_VERSION:
        return f"schema {document.get('schema')!r}, expected {SCHEMA_VERSION}"
    katas = document.get("katas")
    if not isinstance(katas, dict):
        return "no 'katas' object"
    try:
        aware = datetime.fromisoformat(document.get("updated_at")).tzinfo is not None
    except (TypeError, ValueError):
        aware = False
    if not aware:  # files are compared by this time: it needs its offset
        return f"'updated_at' is not an ISO 8601 time with an offset: {document.get('updated_at')!r}"
    for name, entry in katas.items():
        if not isinstance(entry, dict):
            return f"kata {name}: not an object"
        attempts = entry.get("attempts")
        if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 1:
            return f"kata {name}: 'attempts' should be a whole number of at least 1, is {attempts!r}"
        if entry.get("status") not in {"solved", "not solved"}:
            return f"kata {name}: unknown 'status' {entry.get('status')!r}"
        if not isinstance(entry.get("edited_tests", []), list):
            return f"kata {name}: 'edited_tests' is not a list"
        tests = entry.get("tests")
        if not isinstance(tests, list) or not all(
            isinstance(t, dict) and isinstance(t.get("name"), str) and isinstance(t.get("status"), str)
            for t in tests
        ):
            return f"kata {name}: 'tests' should be a list of objects with a name and a status"
    return None


def load(path: Path) -> ParticipantResults | str:
    """One participant's results, or why the file cannot be used."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    except ValueError as exc:
        return f"not valid JSON ({exc})"
    problem = schema_problem(document)
    if problem:
        return problem
    participant = document.get("participant")
    return ParticipantResults(
        participant=participant if isinstance(participant, str) and participant else str(path),
        path=path,
        updated_at=document["updated_at"],
        katas=document["katas"],
    )


def collect(paths: list[Path]) -> Collection:
    files, missing = find_files(paths)
    collection = Collection(missing=missing)
    latest: dict[str, ParticipantResults] = {}
    dropped: list[ParticipantResults] = []
    for path in files:
        loaded = load(path)
        if isinstance(loaded, str):
            collection.invalid.append((path, loaded))
            continue
        kept = latest.get(loaded.participant)
        if kept is None:
            latest[loaded.participant] = loaded
            continue
        newer, older = (
            (loaded, kept)
            if datetime.fromisoformat(loaded.updated_at) > datetime.fromisoformat(kept.updated_at)
            else (kept, loaded)
        )
        latest[loaded.participant] = newer
        dropped.append(older)
    collection.results = list(latest.values())
    collection.superseded = [(old, latest[old.participant]) for old in dropped]
    return collection
