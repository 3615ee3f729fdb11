"""`workbook list`: every kata with its chapter, status and notebook."""

from workbook.cli.workspace import Workspace
from workbook.katas.results import status_of
from workbook.katas.scoreboard import next_kata


def run(workspace: Workspace) -> int:
    document = workspace.results()
    width = max(len(k.name) for k in workspace.katas)
    print(f"{'id':<5} {'kata':<{width}}  chapter  {'status':<10}  notebook")
    for kata in workspace.katas:
        status = status_of(document, kata.name)
        print(f"{kata.short_id:<5} {kata.name:<{width}}  {kata.chapter:>7}  {status:<10}  {kata.notebook}")
    solved = sum(status_of(document, k.name) == "solved" for k in workspace.katas)
    upcoming = next_kata(workspace.katas, document)
    print(f"\n{solved} of {len(workspace.katas)} solved." + (f" Next: workbook check {upcoming.name}" if upcoming else ""))
    return 0
