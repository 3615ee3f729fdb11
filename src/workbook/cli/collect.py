"""`workbook collect RESULTS... [--csv PATH]`: participants' results files as one per-kata
table, in the terminal and as CSV.

Exit codes: 0 every file found was usable (a participant's older file set aside for a newer
one is said on stderr, and is no error); 1 the table is there, but a path given does not
exist, a file was unreadable or invalid (each named on stderr with the reason) or the CSV
could not be written; 2 nothing
to summarise (no results file found, or none usable).
"""

import csv
import sys
from pathlib import Path

from workbook.cli.workspace import NoWorkbook, Workspace
from workbook.katas.catalog import KataError
from workbook.katas.collection import Collection, collect
from workbook.katas.summary import KataSummary, summarise_all

CSV_COLUMNS = [
    "kata", "attempted", "solved", "participants", "edited_tests",
    "median_attempts", "most_failed_tests", "most_failed_count",
]


def catalog_names() -> list[str]:
    """The katas in curriculum order when run inside a workbook; elsewhere none (the
    results' own kata names give the order)."""
    try:
        return [k.name for k in Workspace.here().katas]
    except (NoWorkbook, KataError):
        return []


def median_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def failed_text(summary: KataSummary) -> str:
    return "; ".join(summary.most_failed)


def table(summaries: list[KataSummary]) -> list[str]:
    rows = [("kata", "attempted", "solved", "edited", "median attempts", "most failed (participants)")]
    for s in summaries:
        rows.append((
            s.kata,
            str(s.attempted),
            f"{s.solved}/{s.participants}",
            str(s.edited),
            median_text(s.median_attempts) or "-",
            f"{failed_text(s)} ({s.most_failed_count})" if s.most_failed else "-",
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1]
        for row in rows
    ]


def write_csv(path: Path, summaries: list[KataSummary]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for s in summaries:
            writer.writerow([
                s.kata, s.attempted, s.solved, s.participants, s.edited,
                median_text(s.median_attempts), failed_text(s), s.most_failed_count,
            ])


def report_set_aside(collection: Collection) -> None:
    for path in collection.missing:
        print(f"workbook collect: {path}: no such file or folder", file=sys.stderr)
    for path, why in collection.invalid:
        print(f"workbook collect: {path}: skipped, {why}", file=sys.stderr)
    for older, newer in collection.superseded:
        print(
            f"workbook collect: {older.path}: skipped, participant {older.participant!r} "
            f"also has {newer.path}, graded later ({newer.updated_at}); the newer file is used",
            file=sys.stderr,
        )


def run(paths: list[Path], csv_path: Path | None) -> int:
    collection = collect(paths)
    report_set_aside(collection)
    if not collection.results:
        searched = ", ".join(str(p) for p in paths)
        print(
            f"workbook collect: no usable results file in {searched} "
            f"(a folder is searched for results.json files at any depth)",
            file=sys.stderr,
        )
        return 2
    summaries = summarise_all(catalog_names(), collection.results)
    count = len(collection.results)
    print(f"{count} participant{'s' if count != 1 else ''}.")
    print("\n".join(table(summaries)))
    print(
        "\nsolved: latest grading passed every test; edited: the latest grading ran "
        "edited shipped tests, not counted as solved nor in 'most failed'."
    )
    if csv_path is not None:
        try:
            write_csv(csv_path, summaries)
        except OSError as exc:
            print(f"workbook collect: cannot write the CSV to {csv_path}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"CSV written to {csv_path}")
    # A participant's older file is expected when results are collected twice: said, not an error.
    return 1 if collection.missing or collection.invalid else 0
