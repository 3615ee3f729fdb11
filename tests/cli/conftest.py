"""Scratch workbooks, and the ways a learner drives the `workbook` command in them.

Every test works in a scratch workbook under tmp_path (kata 04 and its solution copied from
this checkout, a git repository of its own: reset restores shipped files from git objects),
so the repository's katas and its .workbook/ are never touched. Commands run four ways:

- ``run_workbook(...)``: the installed console script in a subprocess, as a learner types it;
- ``run_katas(...)``: ``python -m pytest katas ...`` in a subprocess (the self-grading run);
- the ``workbook_main`` fixture: ``workbook.cli.main([...])`` in-process, output via capsys;
- the ``spawn`` fixture: a long-running command (watch, serve) in a pseudo-terminal, read
  as it prints, interrupted with Ctrl-C like in a terminal.

Every helper returns a ``Ran`` whose ``describe()`` is what a failure message shows: the
command, its exit code and its whole output. (PYTEST_DONT_REWRITE, here and in the test
modules: those messages say it all, pytest's rewritten comparison would repeat the output.)
"""

import json
import os
import pty
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from workbook.katas.shipped import MANIFEST, blob_id, build_manifest

ROOT = Path(__file__).resolve().parents[2]
WORKBOOK = Path(sys.executable).parent / "workbook"
KATA = "04_jsonb_not_saving"
LEARNER_FILE = "metadata_writer.py"
TEST_FILE = "test_jsonb_not_saving.py"
TEST_COUNT = 5
PARTICIPANT = "ada-from-the-cli-tests"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Workbook Tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "Workbook Tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
}

# Bounds for every subprocess: a grading run takes a second or two here.
COMMAND_TIMEOUT = 120
DOCTOR_TIMEOUT = 120


# --------------------------------------------------------------------------- learner code

def learner_edit(old: str, new: str) -> Callable[[str], str]:
    """An edit of the shipped learner file: ``old`` (which must be there) becomes ``new``."""

    def edit(text: str) -> str:
        assert old in text, f"the shipped learner file no longer contains {old!r}"
        return text.replace(old, new, 1)

    return edit


LOOP_IN_SET_METADATA = learner_edit(
    "    node = agent.agent_metadata\n",
    "    while True:  # the learner's endless loop\n        pass\n    node = agent.agent_metadata\n",
)
BREAKPOINT_IN_SET_METADATA = learner_edit(
    "    node = agent.agent_metadata\n",
    "    breakpoint()  # the learner looks around\n    node = agent.agent_metadata\n",
)
SYNTAX_ERROR_SOURCE = (
    '"""A learner file that does not compile."""\n'
    "\n"
    "async def set_metadata(session, agent, path, value):\n"
    "    node = agent.agent_metadata(\n"   # line 4: the bracket is never closed
    "    return node\n"
)
SYNTAX_ERROR_LINE = 4
IMPORT_ERROR_SOURCE = (
    "import no_such_module_in_the_workbook\n"
    "\n"
    "async def set_metadata(session, agent, path, value):\n"
    "    pass\n"
)
# A plausible wrong fix: saves a change of a top-level key, loses a nested one.
SHALLOW_COPY_FIX = learner_edit(
    "    node = agent.agent_metadata\n"
    "    for key in path[:-1]:\n"
    "        node = node.setdefault(key, {})\n"
    "    node[path[-1]] = value\n",
    "    metadata = dict(agent.agent_metadata)\n"
    "    node = metadata\n"
    "    for key in path[:-1]:\n"
    "        node = node.setdefault(key, {})\n"
    "    node[path[-1]] = value\n"
    "    agent.agent_metadata = metadata\n",
)
# A correct fix that is not the reference one: a new document at every level of the path.
NEW_DICTS_FIX = learner_edit(
    "    node = agent.agent_metadata\n"
    "    for key in path[:-1]:\n"
    "        node = node.setdefault(key, {})\n"
    "    node[path[-1]] = value\n",
    "    def with_key(document, keys):\n"
    "        if len(keys) == 1:\n"
    "            return {**document, keys[0]: value}\n"
    "        return {**document, keys[0]: with_key(document.get(keys[0], {}), keys[1:])}\n"
    "\n"
    "    agent.agent_metadata = with_key(agent.agent_metadata, list(path))\n",
)
# Replaces the kata's shipped tests with one that always passes.
ALWAYS_PASSING_TESTS = "def test_nothing_to_see():\n    assert True\n"

# A second, tiny kata (chapter 1, so first in curriculum order), independent of the app.
WARMUP = "01_warmup"
WARMUP_TESTS = 3
WARMUP_FILES = {
    "kata.toml": (
        'title = "Say hello"\n'
        "chapter = 1\n"
        "order = 1\n"
        'notebook = "notebooks/01_warmup.ipynb"\n'
        'edit = ["greeting.py"]\n'
        "timeout_seconds = 30\n"
        'objectives = ["Return the greeting the test expects"]\n'
        'hints = ["Read the assertion message.", "An f-string does it."]\n'
    ),
    "README.md": "# Kata 01: say hello\n",
    "greeting.py": 'def greet(name):\n    return "hi"\n',
    "test_warmup.py": "".join(
        f"def test_greets_{name.lower()}(kata):\n"
        f'    greet = kata.component("greeting").greet\n'
        f'    assert greet("{name}") == "Hello, {name}!", "greet(\'{name}\') must answer \'Hello, {name}!\'"\n'
        f"\n\n"
        for name in ("Ada", "Bob", "Cy")
    ),
}
WARMUP_SOLUTION = 'def greet(name):\n    return f"Hello, {name}!"\n'
# Right for Ada and Bob; for Cy (the last test) it waits forever, first leaving a mark.
WARMUP_HANGS_ON_CY = (
    "import time\n"
    "from pathlib import Path\n"
    "\n"
    "def greet(name):\n"
    '    if name == "Cy":\n'
    "        Path(__file__).with_name('hanging.mark').touch()\n"
    "        while True:\n"
    "            time.sleep(0.05)\n"
    '    return f"Hello, {name}!"\n'
)
# Wrong for everyone; the last test takes 3 s (within the limit), first leaving a mark.
WARMUP_SLOW_AND_WRONG = (
    "import time\n"
    "from pathlib import Path\n"
    "\n"
    "def greet(name):\n"
    '    if name == "Cy":\n'
    "        Path(__file__).with_name('slow.mark').touch()\n"
    "        time.sleep(3)\n"
    '    return "hi"\n'
)


# --------------------------------------------------------------------------- running commands

@dataclass
class Ran:
    """A finished command: what was run, its exit code and its output."""

    command: str
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def describe(self) -> str:
        return (
            f"$ {self.command}\n(exit code {self.returncode})\n"
            f"--- stdout ---\n{self.stdout}--- stderr ---\n{self.stderr}--- end ---"
        )


def learner_env(**extra: str) -> dict[str, str]:
    """The environment of a learner's shell: no WORKBOOK_ROOT unless given, stdout not
    forced unbuffered (this machine sets PYTHONUNBUFFERED; a learner's shell does not)."""
    env = {k: v for k, v in os.environ.items() if k not in {"WORKBOOK_ROOT", "PYTHONUNBUFFERED"}}
    env["WORKBOOK_PARTICIPANT"] = PARTICIPANT
    env.update(extra)
    return env


def run_command(argv: list[str], *, cwd: Path, timeout: float = COMMAND_TIMEOUT, **env: str) -> Ran:
    shown = " ".join(str(a) if str(a) and " " not in str(a) else repr(str(a)) for a in argv)
    command = f"(cd {cwd} && {shown})"
    try:
        done = subprocess.run(
            [str(a) for a in argv], cwd=cwd, env=learner_env(**env), capture_output=True,
            text=True, timeout=timeout, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        def text(data: Any) -> str:
            return data.decode(errors="replace") if isinstance(data, bytes) else (data or "")

        pytest.fail(f"{command} did not finish within {timeout:g} s.\n--- output so far ---\n"
                    f"{text(exc.stdout)}{text(exc.stderr)}")
    return Ran(command, done.returncode, done.stdout, done.stderr)


def run_workbook(*args: str, cwd: Path, timeout: float = COMMAND_TIMEOUT, **env: str) -> Ran:
    """The installed `workbook` command, as a learner types it."""
    return run_command([WORKBOOK, *args], cwd=cwd, timeout=timeout, **env)


def run_katas(*args: str, cwd: Path, timeout: float = COMMAND_TIMEOUT) -> Ran:
    """`pytest katas ...`, the self-grading run."""
    return run_command([sys.executable, "-m", "pytest", *args], cwd=cwd, timeout=timeout)


@pytest.fixture
def workbook_main(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """``workbook_main(*args, cwd=...)``: ``workbook.cli.main`` in-process, in ``cwd``."""
    from workbook.cli import main

    def call(*args: str, cwd: Path) -> Ran:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Ran(f"workbook.cli.main({list(args)!r}) in {cwd}", code, captured.out, captured.err)

    return call


# --------------------------------------------------------------------------- the scratch workbook

def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=root, env={**os.environ, **GIT_IDENTITY}, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, f"git {' '.join(args)} failed in {root}:\n{done.stdout}{done.stderr}"
    return done.stdout


def file_digests(root: Path) -> dict[str, str]:
    """Every file under ``root`` (but .git/) by relative path, with a digest of its bytes."""
    return {
        str(p.relative_to(root)): blob_id(p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts[:1]
    }


@dataclass
class Scratch:
    """A workbook checkout of its own: katas/, solutions/, a git history, learner state."""

    root: Path
    shipped_commit: str = field(default="", init=False)

    # --- where things are
    def kata_dir(self, kata: str = KATA) -> Path:
        return self.root / "katas" / kata

    def learner_file(self, kata: str = KATA) -> Path:
        return self.kata_dir(kata) / (LEARNER_FILE if kata == KATA else "greeting.py")

    @property
    def state(self) -> Path:
        return self.root / ".workbook"

    @property
    def results_file(self) -> Path:
        return self.state / "results.json"

    def backups(self, kata: str = KATA) -> list[Path]:
        folder = self.state / "backups" / kata
        return sorted(folder.iterdir()) if folder.is_dir() else []

    # --- git
    def git(self, *args: str) -> str:
        return git(self.root, *args)

    def commit_all(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def ship(self, message: str) -> None:
        """Regenerate katas/SHIPPED.json (what the maintainers do after changing a kata),
        commit: this is now the workbook as shipped."""
        manifest = build_manifest(self.root / "katas")
        (self.root / "katas" / MANIFEST).write_text(
            json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        self.commit_all(message)
        self.shipped_commit = self.git("rev-parse", "HEAD").strip()

    def shipped_bytes(self, relative: str) -> bytes:
        return subprocess.run(
            ["git", "show", f"{self.shipped_commit}:{relative}"],
            cwd=self.root, capture_output=True, check=True, timeout=60,
        ).stdout

    # --- what a learner does
    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def write_learner_code(self, text: str, kata: str = KATA) -> None:
        self.learner_file(kata).write_text(text, encoding="utf-8")

    def edit_learner_code(self, edit: Callable[[str], str], kata: str = KATA) -> None:
        self.write_learner_code(edit(self.learner_file(kata).read_text(encoding="utf-8")), kata)

    def apply_solution(self, kata: str = KATA) -> None:
        source = self.root / "solutions" / kata / self.learner_file(kata).name
        self.write_learner_code(source.read_text(encoding="utf-8"), kata)

    def set_timeout(self, seconds: float, kata: str = KATA) -> None:
        """Ship the kata with a shorter per-test limit (tests of endless loops)."""
        toml = self.kata_dir(kata) / "kata.toml"
        text, count = re.subn(r"(?m)^timeout_seconds = .*$", f"timeout_seconds = {seconds:g}",
                              toml.read_text(encoding="utf-8"))
        assert count == 1, f"{toml} has no timeout_seconds line"
        toml.write_text(text, encoding="utf-8")
        self.ship(f"ship {kata} with a {seconds:g} s limit per test")

    def add_warmup_kata(self) -> None:
        for name, text in WARMUP_FILES.items():
            self.write(f"katas/{WARMUP}/{name}", text)
        self.write(f"solutions/{WARMUP}/greeting.py", WARMUP_SOLUTION)
        self.ship("ship a second kata, 01_warmup")

    # --- learner state
    def results(self) -> dict[str, Any]:
        assert self.results_file.is_file(), f"no results file at {self.results_file}"
        return json.loads(self.results_file.read_text(encoding="utf-8"))

    def entry(self, kata: str = KATA) -> dict[str, Any]:
        document = self.results()
        assert kata in document["katas"], f"results file has no entry for {kata}:\n{json.dumps(document, indent=2)}"
        return document["katas"][kata]


def make_scratch(root: Path) -> Scratch:
    """A workbook with kata 04 alone, shipped: katas/pytest.ini, the kata and its solution
    as they are in this checkout, a manifest made for them, one commit. (One kata, not all
    of katas/: counts like "kata 1 of 1" stay put while the curriculum grows.)"""
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".ipynb_checkpoints")
    (root / "katas").mkdir(parents=True)
    shutil.copy(ROOT / "katas" / "pytest.ini", root / "katas" / "pytest.ini")
    shutil.copytree(ROOT / "katas" / KATA, root / "katas" / KATA, ignore=ignore)
    shutil.copytree(ROOT / "solutions" / KATA, root / "solutions" / KATA, ignore=ignore)
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")
    scratch = Scratch(root)
    scratch.git("init", "-q")
    scratch.ship("the workbook as shipped")
    return scratch


@pytest.fixture(autouse=True)
def learner_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process calls see what subprocesses see: no WORKBOOK_ROOT, a known participant."""
    monkeypatch.delenv("WORKBOOK_ROOT", raising=False)
    monkeypatch.setenv("WORKBOOK_PARTICIPANT", PARTICIPANT)


@pytest.fixture
def scratch(tmp_path: Path) -> Scratch:
    """A fresh workbook with the shipped kata 04, as a learner finds it after cloning."""
    return make_scratch(tmp_path / "workbook")


@pytest.fixture
def two_katas(scratch: Scratch) -> Scratch:
    """The scratch workbook with a second kata, 01_warmup, first in curriculum order."""
    scratch.add_warmup_kata()
    return scratch


@pytest.fixture
def quick_timeout(scratch: Scratch) -> Scratch:
    """The scratch workbook, kata 04 shipped with a 2 s limit per test."""
    scratch.set_timeout(2)
    return scratch


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder that is not inside any workbook."""
    folder = tmp_path / "elsewhere" / "deeper"
    folder.mkdir(parents=True)
    return folder


# --------------------------------------------------------------------------- results schema

def parse_utc(stamp: Any, what: str) -> datetime:
    assert isinstance(stamp, str), f"{what} should be an ISO 8601 string, is {stamp!r}"
    moment = datetime.fromisoformat(stamp)
    assert moment.utcoffset() is not None and moment.utcoffset().total_seconds() == 0, (
        f"{what} should be in UTC with an explicit offset, is {stamp!r}"
    )
    return moment


def assert_valid_results(document: dict[str, Any]) -> None:
    """The results file follows schema 1 as documented in workbook/katas/results.py."""
    shown = json.dumps(document, indent=2)[:4000]
    assert document.get("schema") == 1, f"schema should be 1:\n{shown}"
    assert isinstance(document.get("workbook_version"), str) and document["workbook_version"], shown
    assert document.get("participant") == PARTICIPANT, f"participant should come from WORKBOOK_PARTICIPANT:\n{shown}"
    parse_utc(document.get("updated_at"), "updated_at")
    assert isinstance(document.get("katas"), dict), shown
    for name, entry in document["katas"].items():
        assert set(entry) >= {"status", "attempts", "graded_at", "solved_at", "edited_tests", "tests"}, (
            f"{name}: missing fields:\n{shown}"
        )
        assert entry["status"] in {"solved", "not solved"}, f"{name}: status {entry['status']!r}"
        assert isinstance(entry["attempts"], int) and entry["attempts"] >= 1, f"{name}: attempts {entry['attempts']!r}"
        parse_utc(entry["graded_at"], f"{name}.graded_at")
        if entry["solved_at"] is not None:
            parse_utc(entry["solved_at"], f"{name}.solved_at")
        if entry["status"] == "solved":
            assert entry["solved_at"] is not None, f"{name} is solved but has no solved_at:\n{shown}"
        assert isinstance(entry["edited_tests"], list), f"{name}.edited_tests: {entry['edited_tests']!r}"
        assert isinstance(entry["tests"], list) and entry["tests"], f"{name}.tests: {entry['tests']!r}"
        for test in entry["tests"]:
            assert set(test) == {"name", "status", "exception", "message"}, f"{name}: test entry {test!r}"
            assert test["status"] in {"passed", "failed", "error", "skipped"}, f"{name}: test entry {test!r}"
            if test["status"] in {"passed", "skipped"}:
                assert test["exception"] is None, f"{name}: test entry {test!r}"


# --------------------------------------------------------------------------- long-running commands

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Interactive:
    """A command running in a pseudo-terminal, as in a learner's terminal window: its output
    is line-buffered as there, and Ctrl-C reaches its whole process group."""

    def __init__(self, argv: list[str], cwd: Path, env: dict[str, str], *, terminal: bool = True) -> None:
        self.command = f"(cd {cwd} && {' '.join(map(str, argv))}{'' if terminal else ' | cat'})"
        if terminal:
            self.master, slave = pty.openpty()
        else:  # a pipe, as under `| tee` or an editor's run panel
            self.master, slave = os.pipe()
        self.process = subprocess.Popen(
            [str(a) for a in argv], cwd=cwd, env=env, stdin=subprocess.DEVNULL if not terminal else slave,
            stdout=slave, stderr=slave, start_new_session=True,
        )
        os.close(slave)
        self.buffer = ""

    @property
    def output(self) -> str:
        return re.sub(r"\x1b\[[0-9;]*m", "", self.buffer.replace("\r\n", "\n"))

    def describe(self) -> str:
        code = self.process.poll()
        state = "still running" if code is None else f"exit code {code}"
        return f"$ {self.command}\n({state})\n--- output ---\n{self.output}--- end ---"

    def _read(self, wait: float) -> bool:
        """Read what is there (waiting up to ``wait`` s); False once the terminal is closed."""
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: every writer is gone
            return False
        if not data:
            return False
        self.buffer += data.decode(errors="replace")
        return True

    def expect(self, pattern: str, *, timeout: float, after: int = 0, doing: str = "") -> int:
        """Wait until ``pattern`` (a regex) appears in the output past offset ``after``;
        return the offset where the match ends."""
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(pattern, self.output[after:])
            if match:
                return after + match.end()
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._read(min(remaining, 0.2)):
                if (match := re.search(pattern, self.output[after:])) is not None:
                    return after + match.end()
                pytest.fail(
                    f"{doing or 'waiting'}: expected {pattern!r} within {timeout:g} s, "
                    f"not seen.\n{self.describe()}"
                )

    def idle(self, seconds: float) -> None:
        """Let ``seconds`` pass, reading what the command prints meanwhile."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0 and self._read(min(remaining, 0.2)):
            pass

    def interrupt(self) -> None:
        """Ctrl-C: SIGINT to the foreground process group, as the terminal sends it."""
        os.killpg(self.process.pid, signal.SIGINT)

    def wait(self, *, timeout: float, doing: str = "") -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.1)
        if self.process.poll() is None:
            pytest.fail(f"{doing or 'waiting for the end'}: still running after {timeout:g} s.\n{self.describe()}")
        self._drain()
        return self.process.returncode

    def _drain(self) -> None:
        """Read what was printed just before the end (until nothing more comes)."""
        while select.select([self.master], [], [], 0.1)[0] and self._read(0):
            pass

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=30)
        os.close(self.master)


@pytest.fixture
def spawn() -> Iterator[Callable[..., Interactive]]:
    """``spawn(*args, cwd=...)``: start ``workbook args`` (or ``program args``) in a
    terminal (or, ``terminal=False``, writing to a pipe); whatever still runs at the end of
    the test is killed."""
    started: list[Interactive] = []

    def start(*args: str, cwd: Path, program: str | Path = WORKBOOK, terminal: bool = True,
              **env: str) -> Interactive:
        process = Interactive([str(program), *args], cwd, learner_env(**env), terminal=terminal)
        started.append(process)
        return process

    yield start
    for process in started:
        process.close()


def wait_for_http(url: str, *, timeout: float, process: Interactive) -> int:
    """Poll ``url`` until it answers 200 (or the server process dies, or time runs out)."""
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if process.process.poll() is not None:
            pytest.fail(f"the server ended before {url} answered.\n{process.describe()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return response.status
                last = f"status {response.status}"
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last = repr(exc)
        process._read(0.2)
    pytest.fail(f"{url} did not answer 200 within {timeout:g} s (last: {last}).\n{process.describe()}")


def wait_until(condition: Callable[[], bool], *, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()
