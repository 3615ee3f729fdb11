"""`workbook reset KATA`: the kata as shipped again, the learner's version kept as a backup.

Order matters: every file that will change is first copied to the backup folder and the
copy checked, and only then overwritten; a failure at any point leaves the learner's
files where they were.
"""

import shutil
from datetime import datetime
from pathlib import Path

from workbook.cli.workspace import Workspace
from workbook.katas.catalog import Kata
from workbook.katas.shipped import blob_id, edited_files, read_manifest, shipped_content

SKIP = {"__pycache__", ".pytest_cache"}


def extra_files(kata: Kata, shipped: set[str]) -> list[Path]:
    """Files the learner added to the kata folder (they would stay, so they move too)."""
    return sorted(p for p in kata.path.iterdir() if p.name not in shipped and p.name not in SKIP)


def new_backup_folder(workspace: Workspace, kata: Kata) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = workspace.state / "backups" / kata.name / stamp
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = folder.with_name(f"{stamp}-{suffix}")
    return folder


def run(workspace: Workspace, kata: Kata) -> int:
    manifest = (read_manifest(workspace.katas_root) or {}).get(kata.name)
    if manifest is None:
        print(f"cannot reset {kata.name}: katas/SHIPPED.json does not list it")
        return 1
    changed = edited_files(kata.path)
    extras = extra_files(kata, set(manifest))
    if not changed and not extras:
        print(f"{kata.name} is already as shipped: nothing to reset.")
        return 0
    try:
        originals = {name: shipped_content(workspace.katas_root, kata.name, name) for name in changed}
    except LookupError as exc:
        print(f"cannot reset {kata.name}: {exc}. Nothing was changed.")
        return 1

    backup = new_backup_folder(workspace, kata)
    backup.mkdir(parents=True)
    for path in [kata.path / name for name in changed] + extras:
        if path.exists():
            target = backup / path.name
            (shutil.copytree if path.is_dir() else shutil.copy2)(path, target)
            if path.is_file() and target.read_bytes() != path.read_bytes():
                print(f"backup of {path.name} could not be verified; nothing was changed.")
                return 1

    for name, content in originals.items():
        assert blob_id(content) == manifest[name], f"git returned the wrong content for {name}"
        temporary = kata.path / f".{name}.reset"
        temporary.write_bytes(content)
        temporary.replace(kata.path / name)
    for path in extras:
        shutil.rmtree(path) if path.is_dir() else path.unlink()

    print(f"{kata.name} is as shipped again. Your version is kept in {workspace.show(backup)}/:")
    for path in sorted(backup.iterdir()):
        print(f"  {path.name}")
    return 0
