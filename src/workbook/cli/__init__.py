"""The `workbook` command: the learner's and the facilitator's tool for the katas."""

import argparse
import os
import sys
from pathlib import Path

EXAMPLES = """\
examples:
  workbook list                  every kata, its chapter, status and notebook
  workbook check                 grade the next kata you have not solved
  workbook check 04              grade one kata (number, slug or folder name)
  workbook watch                 re-check on every save, move on when it passes
  workbook hint jsonb_not_saving one more hint each time
  workbook reset 04              start the kata over (your version is backed up)
  workbook solution 04           your files against the reference, once solved
  workbook doctor                preflight for a workshop
  workbook serve                 the app at http://127.0.0.1:8000/docs
  workbook collect inbox/ --csv progress.csv
                                 facilitator: every participant's results, per kata
"""


def parser() -> argparse.ArgumentParser:
    from workbook.cli.serve import DEFAULT_PORT

    root = argparse.ArgumentParser(
        prog="workbook",
        description="Work through the katas of the Backend API Workbook.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("list", help="every kata with chapter, status and notebook")
    for name, help_text in [
        ("check", "grade a kata (default: the next one not solved)"),
        ("watch", "re-check a kata whenever you save it (default: the next not solved)"),
        ("hint", "reveal the next hint of a kata (default: the next not solved)"),
    ]:
        command = commands.add_parser(name, help=help_text)
        command.add_argument("kata", nargs="?", help="number (04), slug or folder name")
    reset = commands.add_parser("reset", help="restore a kata as shipped, keeping a backup of yours")
    reset.add_argument("kata", help="number (04), slug or folder name")
    solution = commands.add_parser("solution", help="diff your files against the reference solution")
    solution.add_argument("kata", help="number (04), slug or folder name")
    solution.add_argument("--force", action="store_true", help="show it even if not solved yet")
    commands.add_parser("doctor", help="check this machine is ready for a workshop")
    serve = commands.add_parser("serve", help="run the reference app with Swagger UI")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    collect = commands.add_parser(
        "collect", help="facilitator: participants' results files as one per-kata table",
        description="Summarise participants' results.json files per kata: who attempted, "
        "who solved, median attempts, the most-failed tests. Exit code 0: every file used; "
        "1: some path or file was set aside (named on stderr); 2: nothing to summarise.",
    )
    collect.add_argument("results", nargs="+", type=Path, metavar="RESULTS",
                         help="a results file, or a folder searched for results.json files")
    collect.add_argument("--csv", type=Path, metavar="PATH", help="also write the table as CSV")
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "serve":
        from workbook.cli import serve

        return serve.run(args.host, args.port)
    if args.command == "collect":  # a facilitator's folder of files: no workbook needed
        from workbook.cli import collect

        return collect.run(args.results, args.csv)

    from workbook.cli import doctor, grading, hints, listing, reset, solution
    from workbook.cli.workspace import NoWorkbook, Workspace
    from workbook.katas.catalog import KataError
    from workbook.katas.resolve import UnknownKata

    try:
        workspace = Workspace.here()
        if args.command == "list":
            return listing.run(workspace)
        if args.command == "doctor":
            return doctor.run(workspace)
        kata = workspace.kata(args.kata)
        if args.command == "check":
            return grading.check(workspace, kata)
        if args.command == "watch":
            return grading.watch(workspace, kata)
        if args.command == "hint":
            return hints.run(workspace, kata)
        if args.command == "reset":
            return reset.run(workspace, kata)
        return solution.run(workspace, kata, force=args.force)
    except (NoWorkbook, UnknownKata, KataError) as exc:
        print(f"workbook: {exc}", file=sys.stderr)
        return 2


def entry_point() -> None:
    # Line by line, even into a pipe (`workbook watch | tee log`, an editor's panel).
    sys.stdout.reconfigure(line_buffering=True)
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)  # Ctrl-C: stop quietly (watch says goodbye itself)
    except BrokenPipeError:
        # The reader went away (`workbook solution 04 | head`): nothing left to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
