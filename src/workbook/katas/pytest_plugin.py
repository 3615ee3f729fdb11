"""The pytest plugin behind ``pytest katas`` (enabled by katas/pytest.ini).

It gives kata tests the ``kata`` fixture (metadata and the learner's component) and stops
a test that runs too long with a message that says so, instead of hanging the run.
"""

import signal
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from workbook.katas.catalog import Kata, load_kata
from workbook.katas.loader import load_module


class KataTimeout(Exception):
    """A kata test ran past its time limit: most often an endless loop in learner code."""


class KataUnderTest:
    """What a kata's tests need: its metadata, and the learner's code to plug in."""

    def __init__(self, kata: Kata) -> None:
        self.kata = kata

    def component(self, stem: str) -> ModuleType:
        """The learner's ``<stem>.py`` from the kata folder, freshly imported."""
        return load_module(self.kata.path / f"{stem}.py", namespace=f"kata_{self.kata.slug}")


def kata_of(path: Path) -> Kata:
    return load_kata(next(p for p in path.parents if (p / "kata.toml").is_file()))


@pytest.fixture
def kata(request: pytest.FixtureRequest) -> KataUnderTest:
    return KataUnderTest(kata_of(request.path))


def _time_limit(item: pytest.Item) -> float | None:
    if not hasattr(signal, "setitimer"):  # no SIGALRM on Windows: run without a limit
        return None
    return kata_of(item.path).timeout_seconds


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    limit = _time_limit(item)
    if limit is None:
        return (yield)

    def on_alarm(signum: int, frame: object) -> None:
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
