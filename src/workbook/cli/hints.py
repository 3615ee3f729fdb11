"""`workbook hint KATA`: one more hint each time, and how many remain."""

import json

from workbook.cli.workspace import Workspace
from workbook.katas.catalog import Kata


def run(workspace: Workspace, kata: Kata) -> int:
    levels_file = workspace.state / "hints.json"
    try:
        levels = json.loads(levels_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        levels = {}
    total = len(kata.hints)
    level = min(levels.get(kata.name, 0) + 1, total)
    print(f"Hint {level} of {total} for {kata.name} ({kata.title}):\n")
    print(f"  {kata.hints[level - 1]}\n")
    if level < total:
        more = total - level
        print(f"{more} more hint{'s' if more > 1 else ''}: run `workbook hint {kata.name}` again.")
    else:
        print(
            f"That was the last hint. Notebook {kata.notebook} shows the gotcha live; "
            f"`workbook solution {kata.name} --force` shows the reference fix."
        )
    levels[kata.name] = level
    levels_file.parent.mkdir(parents=True, exist_ok=True)
    levels_file.write_text(json.dumps(levels, indent=2) + "\n", encoding="utf-8")
    return 0
