"""`workbook watch`: re-check the current kata on every save, show progress, move on when it
passes, survive broken code, stop cleanly on Ctrl-C.

Subprocess tests run it in a pseudo-terminal, as in the learner's terminal window.

PYTEST_DONT_REWRITE: the failure messages carry the command output (see conftest).
"""

import _thread
import threading
import time

from .conftest import (
    KATA, LEARNER_FILE, SYNTAX_ERROR_LINE, SYNTAX_ERROR_SOURCE, TEST_COUNT, WARMUP,
    WARMUP_SLOW_AND_WRONG, WARMUP_SOLUTION, WARMUP_TESTS, Scratch, wait_until,
)

FIRST_VERDICT = 60   # seconds, bounds for each step (a check takes one or two here)
NEXT_VERDICT = 30
STOPPING = 30


def save_after_the_verdict(path, text: str) -> None:
    """Save a moment after a verdict showed: watch has settled back to waiting (a save while
    a check runs is a case of its own, below)."""
    time.sleep(0.5)
    path.write_text(text, encoding="utf-8")


def solution_text(scratch: Scratch, kata: str = KATA) -> str:
    return (scratch.root / "solutions" / kata / scratch.learner_file(kata).name).read_text(encoding="utf-8")


def test_watch_grades_then_passes_once_the_fix_is_saved(scratch: Scratch, spawn):
    watch = spawn("watch", cwd=scratch.root)
    seen = watch.expect(rf"== watching {KATA} \(kata 1 of 1\)", timeout=FIRST_VERDICT, doing="starting watch")
    seen = watch.expect(rf"not solved: 0 of {TEST_COUNT} tests pass", timeout=FIRST_VERDICT, after=seen,
                        doing="the first verdict on the shipped kata")
    save_after_the_verdict(scratch.learner_file(), solution_text(scratch))
    seen = watch.expect(r"change saved, checking", timeout=NEXT_VERDICT, after=seen, doing="saving the solution")
    watch.expect(rf"solved: all {TEST_COUNT} tests pass", timeout=NEXT_VERDICT, after=seen, doing="grading the solution")
    code = watch.wait(timeout=STOPPING, doing="watch ends once every kata is solved")
    assert code == 0 and "Every kata is solved. Well done!" in watch.output, watch.describe()
    assert scratch.entry()["status"] == "solved", watch.describe()


def test_watch_survives_a_syntax_error_and_stops_cleanly_on_ctrl_c(scratch: Scratch, spawn):
    watch = spawn("watch", "04", cwd=scratch.root)
    seen = watch.expect(rf"not solved: 0 of {TEST_COUNT} tests pass", timeout=FIRST_VERDICT, doing="the first verdict")
    save_after_the_verdict(scratch.learner_file(), SYNTAX_ERROR_SOURCE)
    seen = watch.expect(rf"{LEARNER_FILE}, line {SYNTAX_ERROR_LINE}", timeout=NEXT_VERDICT, after=seen,
                        doing="saving a file with a syntax error")
    time.sleep(1.5)  # several polls later it is still watching
    assert watch.process.poll() is None, f"watch must keep running after a syntax error.\n{watch.describe()}"
    watch.interrupt()
    code = watch.wait(timeout=STOPPING, doing="Ctrl-C")
    assert code == 0, f"Ctrl-C should end watch with exit code 0.\n{watch.describe()}"
    assert "Stopped watching" in watch.output[seen:], watch.describe()
    assert "Traceback" not in watch.output and "KeyboardInterrupt" not in watch.output, watch.describe()
    assert scratch.learner_file().read_text(encoding="utf-8") == SYNTAX_ERROR_SOURCE, "the learner's file stays as saved"


def test_ctrl_c_while_a_check_runs_stops_cleanly(scratch: Scratch, spawn):
    watch = spawn("watch", cwd=scratch.root)
    watch.expect(rf"== watching {KATA}", timeout=FIRST_VERDICT, doing="starting watch")
    watch.interrupt()  # the first grading has just started
    code = watch.wait(timeout=STOPPING, doing="Ctrl-C during the first check")
    assert code == 0 and "Stopped watching" in watch.output, watch.describe()
    assert "Traceback" not in watch.output, watch.describe()


def test_watch_moves_on_to_the_next_kata_when_one_passes(two_katas: Scratch, spawn):
    watch = spawn("watch", cwd=two_katas.root)
    seen = watch.expect(rf"== watching {WARMUP} \(kata 1 of 2\)", timeout=FIRST_VERDICT, doing="starting watch")
    seen = watch.expect(rf"not solved: 0 of {WARMUP_TESTS} tests pass", timeout=FIRST_VERDICT, after=seen, doing="first verdict")
    save_after_the_verdict(two_katas.learner_file(WARMUP), WARMUP_SOLUTION)
    seen = watch.expect(rf"== watching {KATA} \(kata 2 of 2\)", timeout=NEXT_VERDICT, after=seen,
                        doing="solving 01_warmup")
    seen = watch.expect(rf"not solved: 0 of {TEST_COUNT} tests pass", timeout=NEXT_VERDICT, after=seen,
                        doing="the first verdict on kata 04")
    watch.interrupt()
    assert watch.wait(timeout=STOPPING, doing="Ctrl-C") == 0, watch.describe()


def test_a_save_made_while_a_check_runs_is_checked_too(two_katas: Scratch, spawn):
    """The learner saves the fix while watch is still grading the previous version (a check
    takes seconds; editors save often). That save must be graded, not folded into what
    watch considers already seen."""
    two_katas.write_learner_code(WARMUP_SLOW_AND_WRONG, WARMUP)
    watch = spawn("watch", WARMUP, cwd=two_katas.root)
    mark = two_katas.kata_dir(WARMUP) / "slow.mark"
    assert wait_until(mark.exists, timeout=FIRST_VERDICT), f"the slow test never started.\n{watch.describe()}"
    two_katas.learner_file(WARMUP).write_text(WARMUP_SOLUTION, encoding="utf-8")  # saved mid-check
    seen = watch.expect(rf"not solved: 0 of {WARMUP_TESTS} tests pass", timeout=FIRST_VERDICT, doing="the verdict on the slow attempt")
    watch.expect(rf"solved: all {WARMUP_TESTS} tests pass", timeout=NEXT_VERDICT, after=seen,
                 doing=f"having saved the solution of {WARMUP} while its check ran (no save after)")


def test_watch_output_reaches_a_pipe_as_it_happens(scratch: Scratch, spawn):
    """`workbook watch | tee watch.log`, or an editor's run panel: both read a pipe. The
    banner and the first verdict must show while watch keeps running, not when it ends."""
    watch = spawn("watch", cwd=scratch.root, terminal=False)
    watch.expect(rf"not solved: 0 of {TEST_COUNT} tests pass", timeout=NEXT_VERDICT,
                 doing="reading watch's output through a pipe while it runs")
    watch.interrupt()
    assert watch.wait(timeout=STOPPING, doing="Ctrl-C") == 0, watch.describe()


def test_watch_in_process_passes_once_the_fix_is_saved(scratch: Scratch, workbook_main):
    def learner():
        if wait_until(scratch.results_file.exists, timeout=FIRST_VERDICT):  # the first verdict
            save_after_the_verdict(scratch.learner_file(), solution_text(scratch))

    bound = threading.Timer(FIRST_VERDICT + NEXT_VERDICT, _thread.interrupt_main)  # never hang the suite
    helper = threading.Thread(target=learner)
    bound.start()
    helper.start()
    try:
        ran = workbook_main("watch", cwd=scratch.root)
    finally:
        bound.cancel()
        helper.join()
    assert ran.returncode == 0 and f"solved: all {TEST_COUNT} tests pass" in ran.stdout, ran.describe()
    assert "Every kata is solved. Well done!" in ran.stdout, ran.describe()


def test_watch_in_process_stops_cleanly_on_ctrl_c(scratch: Scratch, workbook_main):
    def learner_presses_ctrl_c():
        if wait_until(scratch.results_file.exists, timeout=FIRST_VERDICT):
            time.sleep(0.3)
        _thread.interrupt_main()

    helper = threading.Thread(target=learner_presses_ctrl_c)
    helper.start()
    try:
        ran = workbook_main("watch", cwd=scratch.root)
    finally:
        helper.join()
    assert ran.returncode == 0 and "Stopped watching" in ran.stdout, ran.describe()
    assert f"not solved: 0 of {TEST_COUNT} tests pass" in ran.stdout, ran.describe()
