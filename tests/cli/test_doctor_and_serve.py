"""`workbook doctor` (a preflight: ok or FAIL per item) and `workbook serve` (the reference
app on 127.0.0.1, with Swagger UI).

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import shutil
import socket

from workbook.cli import doctor
from workbook.cli.doctor import CheckFailed
from workbook.cli.serve import DEFAULT_PORT
from workbook.cli.workspace import Workspace

from .conftest import DOCTOR_TIMEOUT, KATA, Scratch, file_digests, free_port, run_workbook, wait_for_http

DOCTOR_ITEMS = ["Python", "dependencies", "notebook kernel", "write access", "serve port", "kata smoke run"]
SERVER_START = 20  # seconds for /health/live and /docs to answer
SERVER_STOP = 20


def port_taken(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def expected_marks() -> dict[str, str]:
    """Every item ok, but for the serve port as it really is on this machine right now (a
    learner's `workbook serve` may be running beside the tests)."""
    marks = {item: "ok" for item in DOCTOR_ITEMS}
    if port_taken(DEFAULT_PORT):
        marks["serve port"] = "FAIL"
    return marks


def doctor_lines(output: str) -> dict[str, str]:
    """Each checked item and its mark: 'ok' or 'FAIL'."""
    marks = {}
    for line in output.splitlines():
        for item in DOCTOR_ITEMS:
            if line.startswith(("[ ok ] ", "[FAIL] ")) and line[7:].startswith(f"{item}:"):
                marks[item] = line[1:5].strip()
    return marks


def test_doctor_passes_on_this_machine_and_touches_no_learner_file(scratch: Scratch):
    scratch.write_learner_code("# the learner's work in progress\n")
    before = file_digests(scratch.root / "katas")
    ran = run_workbook("doctor", cwd=scratch.root, timeout=DOCTOR_TIMEOUT)
    expected = expected_marks()
    assert doctor_lines(ran.stdout) == expected, f"one line per item, each as expected: {expected}.\n{ran.describe()}"
    if "FAIL" not in expected.values():
        assert ran.returncode == 0, f"doctor should pass on this machine.\n{ran.describe()}"
        assert "Ready for the workshop." in ran.stdout, ran.describe()
    assert file_digests(scratch.root / "katas") == before, f"doctor grades a copy, never the learner's kata.\n{ran.describe()}"
    assert not scratch.results_file.exists(), f"the smoke run is no attempt of the learner's.\n{ran.describe()}"


def test_doctor_reports_each_failure_and_keeps_checking(scratch: Scratch):
    shutil.rmtree(scratch.root / "solutions")  # nothing to smoke-run the kata with
    ran = run_workbook("doctor", cwd=scratch.root, timeout=DOCTOR_TIMEOUT)
    assert ran.returncode == 1, f"a failed item makes doctor exit 1.\n{ran.describe()}"
    expected = expected_marks() | {"kata smoke run": "FAIL"}
    assert doctor_lines(ran.stdout) == expected, f"the other items still checked: {expected}.\n{ran.describe()}"
    failed = list(expected.values()).count("FAIL")
    assert f"{failed} check(s) failed" in ran.stdout and "Traceback" not in ran.output, ran.describe()


def test_doctor_in_process(scratch: Scratch, workbook_main, monkeypatch):
    monkeypatch.setattr(doctor, "SERVE_PORT", free_port())  # whatever runs on 8000 meanwhile
    ran = workbook_main("doctor", cwd=scratch.root)
    assert ran.returncode == 0 and "Ready for the workshop." in ran.stdout, ran.describe()
    assert doctor_lines(ran.stdout) == {item: "ok" for item in DOCTOR_ITEMS}, ran.describe()
    assert f"kata {KATA} graded with its solution" in ran.stdout, ran.describe()


def test_doctor_fails_when_the_serve_port_is_taken_and_says_how_to_serve_elsewhere(scratch: Scratch):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        try:
            doctor.serve_port(Workspace(scratch.root), port)
        except CheckFailed as exc:
            message = str(exc)
        else:
            message = None
    assert message is not None, f"a server listens on 127.0.0.1:{port}, yet the port check passed"
    assert f"port {port}" in message and f"workbook serve --port {port + 1}" in message, (
        f"the failure should name the port and the way out (--port); it says: {message}"
    )
    # Once the server is gone, the same port passes.
    assert f"port {port} on 127.0.0.1 is free" in doctor.serve_port(Workspace(scratch.root), port)


def test_serve_runs_the_app_with_swagger_ui_on_localhost(scratch: Scratch, spawn):
    port = free_port()
    server = spawn("serve", "--port", str(port), cwd=scratch.root)
    url = f"http://127.0.0.1:{port}"
    server.expect(rf"Swagger UI: {url}/docs", timeout=SERVER_START, doing="starting the server")
    wait_for_http(f"{url}/health/live", timeout=SERVER_START, process=server)
    wait_for_http(f"{url}/docs", timeout=SERVER_START, process=server)
    server.interrupt()
    code = server.wait(timeout=SERVER_STOP, doing="Ctrl-C on the server")
    assert code == 0 and "Traceback" not in server.output, server.describe()


def test_serve_in_process_binds_localhost_and_prints_the_url(workbook_main, monkeypatch, outside):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    ran = workbook_main("serve", cwd=outside)
    assert ran.returncode == 0, ran.describe()
    assert "http://127.0.0.1:8000/docs" in ran.stdout, ran.describe()
    assert len(calls) == 1 and calls[0][1]["host"] == "127.0.0.1" and calls[0][1]["port"] == 8000, calls
