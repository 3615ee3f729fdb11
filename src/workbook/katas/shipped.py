"""What each kata looked like when it shipped: katas/SHIPPED.json.

For every kata file the manifest keeps its git blob id (the SHA-1 git gives the content).
That one value serves twice: it detects a kata whose tests were edited (the result would
not count), and it names the original in the git object store, from which `reset` brings
the file back, even after the learner committed their own version.

Maintainers regenerate it after changing a kata:  python -m workbook.katas.shipped --write
"""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

MANIFEST = "SHIPPED.json"


def blob_id(content: bytes) -> str:
    """The id git gives a file with this content (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def kata_files(kata_dir: Path) -> list[Path]:
    return sorted(
        p for p in kata_dir.iterdir() if p.is_file() and p.suffix in {".py", ".toml", ".md"}
    )


def build_manifest(katas_root: Path) -> dict[str, dict[str, str]]:
    from workbook.katas.catalog import discover

    return {
        kata.name: {p.name: blob_id(p.read_bytes()) for p in kata_files(kata.path)}
        for kata in discover(katas_root)
    }


def read_manifest(katas_root: Path) -> dict[str, dict[str, str]] | None:
    """The manifest, or None where there is none (a scratch copy of a single kata)."""
    path = katas_root / MANIFEST
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def edited_files(kata_dir: Path, *, only: set[str] | None = None) -> list[str]:
    """Shipped files of this kata that differ from the manifest (or are missing)."""
    manifest = read_manifest(kata_dir.parent)
    if manifest is None or kata_dir.name not in manifest:
        return []
    changed = []
    for name, shipped in manifest[kata_dir.name].items():
        if only is not None and name not in only:
            continue
        path = kata_dir / name
        if not path.is_file() or blob_id(path.read_bytes()) != shipped:
            changed.append(name)
    return changed


def edited_tests(kata_dir: Path, edit: tuple[str, ...]) -> list[str]:
    """Files the learner should not touch (tests, metadata) that were changed anyway."""
    manifest = read_manifest(kata_dir.parent) or {}
    protected = set(manifest.get(kata_dir.name, {})) - set(edit) - {"README.md"}
    return edited_files(kata_dir, only=protected)


def shipped_content(katas_root: Path, kata_name: str, file_name: str) -> bytes:
    """The shipped bytes of one kata file, from git's object store."""
    manifest = read_manifest(katas_root) or {}
    blob = manifest.get(kata_name, {}).get(file_name)
    if blob is None:
        raise LookupError(f"{kata_name}/{file_name} is not in {katas_root / MANIFEST}")
    try:
        done = subprocess.run(
            ["git", "cat-file", "blob", blob], cwd=katas_root, capture_output=True, check=True
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        raise LookupError(
            f"cannot read the shipped {kata_name}/{file_name} from git ({exc}); reset needs "
            f"the git clone the workbook came in"
        ) from None
    return done.stdout


def main(argv: list[str]) -> int:
    root = Path.cwd() / "katas"
    manifest = build_manifest(root)
    if argv == ["--write"]:
        (root / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {root / MANIFEST}: {sum(map(len, manifest.values()))} files of {len(manifest)} katas")
        return 0
    current = read_manifest(root)
    print("up to date" if current == manifest else "out of date: run python -m workbook.katas.shipped --write")
    return 0 if current == manifest else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
