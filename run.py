#!/usr/bin/env python3
"""Set up the workbook on first use, then run one of its commands.

    python3 run.py lab       open the workbook in JupyterLab (notebooks/00_welcome.ipynb)
    python3 run.py test      run the project's whole test suite
    python3 run.py serve     run the reference app on http://127.0.0.1:8000 (Swagger UI at /docs)
    python3 run.py html      every notebook, with its outputs, as HTML in build/html/ (index.html)
    python3 run.py CMD ...   run any command inside the workbook's environment,
                             e.g. `python3 run.py pytest katas`

The first run creates .venv/ with the machine's own Python (3.11+) and installs the locked
dependencies (uv.lock) into it; later runs only check that it is still in sync.
Needs nothing but Python: no Python download, no global installs.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
UV_VERSION = "0.13.9"  # the installer of the locked dependencies, itself pinned

FIRST_NOTEBOOK = "notebooks/00_welcome.ipynb"
SHORTCUTS = {
    # Every core; --dist loadfile keeps each notebook's cells (one kernel) on one worker.
    "test": ["pytest", "-n", "auto", "--dist", "loadfile"],
    "serve": ["workbook", "serve"],
    "html": ["python", "-m", "workbook.workshop.html"],
}


def say(message: str) -> None:
    print(f"[workbook] {message}", flush=True)


def run(command: list[str | os.PathLike[str]], **kwargs: object) -> None:
    completed = subprocess.run(command, cwd=ROOT, **kwargs)
    if completed.returncode != 0:
        sys.exit(f"[workbook] set-up failed: {' '.join(map(str, command))} exited {completed.returncode}")


def uv_command() -> list[str | os.PathLike[str]]:
    """uv from the environment, else from PATH, else installed into the environment."""
    if subprocess.run([PYTHON, "-m", "uv", "--version"], capture_output=True).returncode == 0:
        return [PYTHON, "-m", "uv"]
    on_path = shutil.which("uv")  # may be a shim that leads nowhere: ask it first
    if on_path and subprocess.run([on_path, "--version"], capture_output=True).returncode == 0:
        return [on_path]
    say(f"installing uv {UV_VERSION} (installs the locked dependencies in seconds)")
    if subprocess.run([PYTHON, "-m", "pip", "--version"], capture_output=True).returncode != 0:
        run([PYTHON, "-m", "ensurepip", "--upgrade"], stdout=subprocess.DEVNULL)
    run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}"])
    return [PYTHON, "-m", "uv"]


def ensure_environment() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"[workbook] needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        say(f"first run: creating {VENV.name}/ with Python {sys.version.split()[0]}")
        try:
            venv.create(VENV, with_pip=True)
        except subprocess.CalledProcessError:
            sys.exit("[workbook] could not create a virtual environment with pip. On Debian or "
                     "Ubuntu: apt install python3-venv, then run this again.")
    uv = uv_command()
    env = {
        **os.environ,
        "UV_PROJECT_ENVIRONMENT": str(VENV),
        "UV_PYTHON_DOWNLOADS": "never",
        "VIRTUAL_ENV": str(VENV),
    }
    # --frozen: install exactly uv.lock; --inexact: keep anything the learner added.
    run([*uv, "sync", "--frozen", "--inexact", "--quiet", "--python", PYTHON], env=env)


def free_port(preferred: int = 8888) -> int:
    for port in range(preferred, preferred + 50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    sys.exit("[workbook] no free port between 8888 and 8937 for JupyterLab")


def lab_command() -> list[str]:
    # Our own port and token, so we can print the one URL that opens the first notebook.
    port, token = free_port(), secrets.token_hex(24)
    say(f"JupyterLab is starting. Open: http://127.0.0.1:{port}/lab/tree/{FIRST_NOTEBOOK}?token={token}")
    command = [
        "jupyter", "lab", FIRST_NOTEBOOK, f"--ServerApp.root_dir={ROOT}", "--ip=127.0.0.1",
        f"--port={port}", "--port-retries=0",
        f"--IdentityProvider.token={token}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI machines often run as root
    return command


def main(argv: list[str]) -> None:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__)
        return
    ensure_environment()
    command = (lab_command() if argv[0] == "lab" else SHORTCUTS.get(argv[0], [argv[0]])) + argv[1:]
    executable = BIN / command[0]
    if not executable.exists() and not (BIN / f"{command[0]}.exe").exists():
        sys.exit(f"[workbook] no command {command[0]!r} in the workbook's environment")
    env = {**os.environ, "VIRTUAL_ENV": str(VENV), "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    os.chdir(ROOT)
    if os.name == "nt":
        sys.exit(subprocess.run([str(executable), *command[1:]], env=env).returncode)
    os.execve(executable, [str(executable), *command[1:]], env)


if __name__ == "__main__":
    main(sys.argv[1:])
