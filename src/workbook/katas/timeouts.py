"""A time limit per kata test, so an endless loop in learner code ends with a message.

SIGALRM interrupts pure-Python loops and waits alike (where there is no SIGALRM, on
Windows, tests run without a limit). A test running under the debugger keeps its time.
"""

import bdb
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbook.katas.catalog import kata_at, kata_folder_of


class KataTimeout(BaseException):
    """A kata test ran past its time limit: most often an endless loop in learner code.

    A BaseException, like KeyboardInterrupt, so that an ``except Exception`` in learner
    code cannot swallow it.
    """


TIMED_OUT = pytest.StashKey[dict[Path, str]]()  # kata folder -> its test that ran out of time


def time_limited(item: pytest.Item) -> Iterator[None]:
    folder = kata_folder_of(item.path)
    if folder is None or not hasattr(signal, "setitimer"):  # no SIGALRM on Windows
        return (yield)
    timed_out = item.config.stash.setdefault(TIMED_OUT, {})
    if folder in timed_out:
        # The timeout interrupted the kata's shared app and event loop mid-step: the other
        # tests of this kata would only fail in confusing ways. Say what happened instead.
        raise KataTimeout(
            f"{item.name} was not run: {timed_out[folder]} ran out of time first. Look for "
            f"a loop that never ends, or a call that waits forever, in the file you edited."
        )
    limit = kata_at(folder).timeout_seconds

    def on_alarm(signum: int, frame: object) -> None:
        if isinstance(getattr(sys.gettrace(), "__self__", None), bdb.Bdb):
            signal.setitimer(signal.ITIMER_REAL, limit)  # in the debugger: time is theirs
            return
        timed_out[folder] = item.name
        raise KataTimeout(
            f"{item.name} did not finish within {limit:g} s. Look for a loop that never "
            f"ends, or a call that waits forever, in the file you edited."
        )

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        return (yield)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
