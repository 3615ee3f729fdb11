"""`workbook reset KATA`: the kata as shipped again, the learner's version kept as a backup.
Reset must never destroy learner work.

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import re
import shutil
from pathlib import Path

from .conftest import KATA, LEARNER_FILE, TEST_FILE, Scratch, file_digests, run_workbook

LEARNER_VERSION = "# my attempt, with a non-ASCII comment: café\r\nasync def set_metadata(*args):\r\n    pass\r\n"


def backup_folder_named_in(output: str, scratch: Scratch) -> Path:
    match = re.search(r"Your version is kept in (\S+?)/?:", output)
    assert match, f"reset should print where the backup is:\n{output}"
    folder = scratch.root / match.group(1)
    assert folder.is_dir(), f"reset named {folder} as the backup, which does not exist:\n{output}"
    return folder


def shipped_files_are_back(scratch: Scratch) -> list[str]:
    """The kata files that differ from the shipped commit (empty when all are back)."""
    return [
        path.name for path in sorted(scratch.kata_dir().iterdir())
        if path.is_file() and path.read_bytes() != scratch.shipped_bytes(f"katas/{KATA}/{path.name}")
    ]


def test_an_unchanged_kata_has_nothing_to_reset(scratch: Scratch):
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert ran.returncode == 0 and "nothing to reset" in ran.stdout, ran.describe()
    assert scratch.backups() == [], f"no backup for an unchanged kata.\n{ran.describe()}"


def test_compiled_python_files_are_not_learner_work(scratch: Scratch):
    cache = scratch.kata_dir() / "__pycache__"
    cache.mkdir()
    (cache / "metadata_writer.cpython-311.pyc").write_bytes(b"\0compiled")
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert "nothing to reset" in ran.stdout, f"__pycache__ is not something to back up.\n{ran.describe()}"


def test_reset_keeps_the_learners_exact_bytes_and_restores_the_shipped_ones(scratch: Scratch):
    scratch.learner_file().write_bytes(LEARNER_VERSION.encode())
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert ran.returncode == 0, ran.describe()
    backup = backup_folder_named_in(ran.stdout, scratch)
    assert backup.parent == scratch.state / "backups" / KATA, f"backups live under .workbook/backups/{KATA}/"
    assert re.fullmatch(r"\d{8}-\d{6}(-\d+)?", backup.name), f"a timestamped folder, not {backup.name}"
    assert (backup / LEARNER_FILE).read_bytes() == LEARNER_VERSION.encode(), (
        f"the backup must hold the learner's exact bytes.\n{ran.describe()}"
    )
    assert shipped_files_are_back(scratch) == [], ran.describe()


def test_reset_in_process(scratch: Scratch, workbook_main):
    scratch.learner_file().write_text("# mine\n", encoding="utf-8")
    ran = workbook_main("reset", "jsonb_not_saving", cwd=scratch.root)
    assert ran.returncode == 0 and "is as shipped again" in ran.stdout, ran.describe()
    assert (backup_folder_named_in(ran.stdout, scratch) / LEARNER_FILE).read_text() == "# mine\n", ran.describe()


def test_reset_restores_the_shipped_file_even_after_the_learner_committed_theirs(scratch: Scratch):
    scratch.write_learner_code("# committed attempt\n")
    scratch.commit_all("my attempt at kata 04")
    ran = run_workbook("reset", f"katas/{KATA}", cwd=scratch.root)
    assert ran.returncode == 0, ran.describe()
    assert shipped_files_are_back(scratch) == [], f"git HEAD holds the learner's file; reset must not use it.\n{ran.describe()}"
    assert (backup_folder_named_in(ran.stdout, scratch) / LEARNER_FILE).read_text() == "# committed attempt\n"


def test_files_and_folders_the_learner_added_move_to_the_backup(scratch: Scratch):
    scratch.write_learner_code("# mine\n")
    scratch.write(f"katas/{KATA}/notes.md", "what I tried\n")
    scratch.write(f"katas/{KATA}/experiments/try1.py", "print('try 1')\n")
    ran = run_workbook("reset", KATA, cwd=scratch.root)
    backup = backup_folder_named_in(ran.stdout, scratch)
    assert (backup / "notes.md").read_text() == "what I tried\n", ran.describe()
    assert (backup / "experiments" / "try1.py").read_text() == "print('try 1')\n", ran.describe()
    remaining = sorted(p.name for p in scratch.kata_dir().iterdir())
    shipped = sorted(scratch.git("ls-tree", "--name-only", scratch.shipped_commit, f"katas/{KATA}/").split())
    assert remaining == [Path(p).name for p in shipped], (
        f"after reset the kata folder holds what shipped, no more: {remaining}\n{ran.describe()}"
    )


def test_an_added_file_alone_is_something_to_reset(scratch: Scratch):
    scratch.write(f"katas/{KATA}/scratch_notes.py", "x = 1\n")
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert "nothing to reset" not in ran.stdout, ran.describe()
    assert (backup_folder_named_in(ran.stdout, scratch) / "scratch_notes.py").read_text() == "x = 1\n"


def test_edited_tests_are_restored_so_the_kata_counts_again(scratch: Scratch):
    (scratch.kata_dir() / TEST_FILE).write_text("def test_mine():\n    pass\n", encoding="utf-8")
    ran = run_workbook("reset", "04", cwd=scratch.root)
    backup = backup_folder_named_in(ran.stdout, scratch)
    assert (backup / TEST_FILE).read_text() == "def test_mine():\n    pass\n", ran.describe()
    assert shipped_files_are_back(scratch) == [], ran.describe()


def test_two_resets_in_the_same_second_keep_both_backups(scratch: Scratch):
    outputs = []
    for attempt in ("# first attempt\n", "# second attempt\n"):
        scratch.write_learner_code(attempt)
        outputs.append(run_workbook("reset", "04", cwd=scratch.root))
    kept = sorted((folder / LEARNER_FILE).read_text() for folder in scratch.backups())
    assert kept == ["# first attempt\n", "# second attempt\n"], (
        f"each reset keeps its own backup; found {kept}.\n" + "\n".join(r.describe() for r in outputs)
    )


def test_without_git_reset_changes_nothing_and_says_why(scratch: Scratch):
    """A workbook downloaded as a zip has no git objects to restore from."""
    shutil.rmtree(scratch.root / ".git")
    scratch.write_learner_code("# precious work\n")
    scratch.write(f"katas/{KATA}/notes.md", "keep me\n")
    before = file_digests(scratch.root)
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert ran.returncode == 1 and "Nothing was changed" in ran.stdout, ran.describe()
    assert "Traceback" not in ran.output, ran.describe()
    after = file_digests(scratch.root)
    assert {k: v for k, v in after.items() if not k.startswith(".workbook/")} == before, (
        f"a reset that cannot restore must leave every learner file where it was.\n{ran.describe()}"
    )


def test_a_deleted_learner_file_is_brought_back(scratch: Scratch):
    """The learner deleted (or renamed) the file they edit. Reset is the way back."""
    scratch.learner_file().rename(scratch.kata_dir() / "metadata_writer_old.py")
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert ran.returncode == 0 and scratch.learner_file().is_file(), (
        f"after `workbook reset 04`, {LEARNER_FILE} should be back as shipped.\n{ran.describe()}"
    )
    assert shipped_files_are_back(scratch) == [], ran.describe()


def test_a_deleted_test_file_is_brought_back(scratch: Scratch):
    (scratch.kata_dir() / TEST_FILE).unlink()
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert ran.returncode == 0 and (scratch.kata_dir() / TEST_FILE).is_file(), ran.describe()
    assert shipped_files_are_back(scratch) == [], ran.describe()


def test_reset_leaves_progress_and_hints_alone(scratch: Scratch):
    run_workbook("hint", "04", cwd=scratch.root)
    scratch.write(".workbook/results.json", '{"schema": 1, "katas": {}}\n')
    state = {p: (scratch.state / p).read_bytes() for p in ("hints.json", "results.json")}
    scratch.write_learner_code("# mine\n")
    ran = run_workbook("reset", "04", cwd=scratch.root)
    assert {p: (scratch.state / p).read_bytes() for p in state} == state, ran.describe()
