"""`workbook doctor`: a preflight for workshops. Each check says ok or FAIL, and how to fix."""

import importlib
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from workbook.cli.serve import DEFAULT_PORT as SERVE_PORT
from workbook.cli.workspace import Workspace

MODULES = [
    "fastapi", "pydantic", "pydantic_settings", "sqlalchemy.ext.asyncio", "aiosqlite",
    "asyncpg", "alembic", "httpx", "httpx_ws", "asgi_lifespan", "uvicorn", "pytest",
    "pytest_asyncio", "jupyterlab", "ipykernel",
]
SETUP_HINT = "run `python3 run.py lab` (or `python3 run.py test`) once to install everything"


class CheckFailed(Exception):
    """A preflight check did not pass; the message says how to fix it."""


def python_version(workspace: Workspace) -> str:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 11):
        raise CheckFailed(f"Python {version}; the workbook needs 3.11 or newer")
    return f"Python {version}"


def dependencies(workspace: Workspace) -> str:
    missing = []
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise CheckFailed(f"cannot import {', '.join(missing)}: {SETUP_HINT}")
    return f"{len(MODULES)} packages import"


def notebook_kernel(workspace: Workspace) -> str:
    import subprocess

    from jupyter_client.manager import start_new_kernel

    # The kernel's own start-up chatter is not the learner's business: only the reply is.
    manager, client = start_new_kernel(
        kernel_name="python3", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        reply = client.execute_interactive(
            "import sys, workbook.live; print(sys.prefix)", timeout=60, output_hook=lambda msg: None
        )
        if reply["content"]["status"] != "ok":
            raise CheckFailed(f"the python3 kernel cannot import the workbook: {SETUP_HINT}")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return "the python3 kernel starts and imports workbook.live"


def write_access(workspace: Workspace) -> str:
    for folder in (workspace.katas_root, workspace.state):
        folder.mkdir(parents=True, exist_ok=True)
        try:
            with tempfile.NamedTemporaryFile(dir=folder):
                pass
        except OSError as exc:
            raise CheckFailed(f"cannot write in {folder}: {exc}") from None
    return f"can write in katas/ and {workspace.show(workspace.state)}/"


def serve_port(workspace: Workspace, port: int | None = None) -> str:
    port = SERVE_PORT if port is None else port
    with socket.socket() as probe:
        probe.settimeout(1)
        taken = probe.connect_ex(("127.0.0.1", port)) == 0  # something answers there
    if taken:
        raise CheckFailed(
            f"port {port} on 127.0.0.1 is taken, so `workbook serve` cannot start there: stop "
            f"what runs on it, or serve elsewhere: `workbook serve --port {port + 1}`"
        )
    return f"port {port} on 127.0.0.1 is free for `workbook serve`"


def smoke_run(workspace: Workspace) -> str:
    from workbook.katas.runner import grade

    kata = workspace.katas[0]
    with tempfile.TemporaryDirectory(prefix="workbook-doctor-") as scratch:
        shutil.copy(workspace.katas_root / "pytest.ini", scratch)
        copy = Path(scratch) / kata.name
        shutil.copytree(kata.path, copy, ignore=shutil.ignore_patterns("__pycache__"))
        for source in (workspace.root / "solutions" / kata.name).glob("*.py"):
            shutil.copy(source, copy / source.name)
        run = grade(copy)
    if not run.result.solved:
        raise CheckFailed(f"kata {kata.name} with its solution did not pass:\n{run.output[-2000:]}")
    return f"kata {kata.name} graded with its solution: {len(run.result.tests)} tests pass"


CHECKS: list[tuple[str, Callable[[Workspace], str]]] = [
    ("Python", python_version),
    ("dependencies", dependencies),
    ("notebook kernel", notebook_kernel),
    ("write access", write_access),
    ("serve port", serve_port),
    ("kata smoke run", smoke_run),
]


def run(workspace: Workspace) -> int:
    failures = 0
    for label, check in CHECKS:
        try:
            detail = check(workspace)
        except CheckFailed as exc:
            failures += 1
            print(f"[FAIL] {label}: {exc}")
        except Exception as exc:  # a preflight reports every problem, it never crashes
            failures += 1
            print(f"[FAIL] {label}: {type(exc).__name__}: {exc}")
        else:
            print(f"[ ok ] {label}: {detail}")
    print("\nReady for the workshop." if not failures else f"\n{failures} check(s) failed: fix them before the session.")
    return 1 if failures else 0
