"""workbook.testing.pytest_runs: a real pytest run in a child process, read back per test."""

from pathlib import Path
from textwrap import dedent

from workbook.testing.pytest_runs import Outcome, run_pytest


def write_suite(folder: Path) -> None:
    (folder / "pytest.ini").write_text("[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n")
    (folder / "test_sample.py").write_text(
        dedent(
            '''
            import pytest


            @pytest.fixture
            def broken():
                raise RuntimeError("fixture broke")


            async def test_async_passes():
                assert True


            def test_fails():
                assert 1 == 2, "one is not two"


            def test_errors_in_fixture(broken):
                pass


            def test_skipped():
                pytest.skip("not today")
            '''
        )
    )


def test_each_test_comes_back_with_its_outcome_and_first_message_line_in_run_order(tmp_path):
    write_suite(tmp_path)
    assert run_pytest(tmp_path) == [
        Outcome("test_sample.py::test_async_passes", "passed"),
        Outcome("test_sample.py::test_fails", "failed", "AssertionError: one is not two"),
        Outcome("test_sample.py::test_errors_in_fixture", "error", "RuntimeError: fixture broke"),
        Outcome("test_sample.py::test_skipped", "skipped", "not today"),
    ]


def test_arguments_select_tests_and_the_printed_line_names_outcome_and_test(tmp_path):
    write_suite(tmp_path)
    outcomes = run_pytest(tmp_path, "test_sample.py::test_fails")
    assert [str(outcome) for outcome in outcomes] == [
        "FAILED  test_sample.py::test_fails\n        AssertionError: one is not two"
    ], f"one test selected, got {outcomes}"


def test_a_run_that_cannot_start_raises_with_pytests_output(tmp_path):
    write_suite(tmp_path)
    try:
        run_pytest(tmp_path, "--no-such-option")
    except RuntimeError as error:
        assert "without a report" in str(error)
    else:
        raise AssertionError("pytest refused its arguments, yet run_pytest returned outcomes")
