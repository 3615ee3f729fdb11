"""A dependency override for as long as a block runs, for the project's tests, the katas'
and the notebooks.

``app.dependency_overrides`` is one dict per app, shared by every test that uses the app:
an override a test sets and does not undo is still there for every test after it. Undoing
means putting back what was there before, which may be another override (set by the
suite, or by an outer fixture), not just deleting the key.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI

_NOTHING = object()


@contextmanager
def overridden(app: FastAPI, dependency: Callable[..., Any], provider: Callable[..., Any]) -> Iterator[None]:
    """``app.dependency_overrides[dependency] = provider`` inside the block; afterwards
    the previous override of ``dependency`` is back, or none if there was none."""
    overrides = app.dependency_overrides
    previous = overrides.get(dependency, _NOTHING)
    overrides[dependency] = provider
    try:
        yield
    finally:
        if previous is _NOTHING:
            overrides.pop(dependency, None)
        else:
            overrides[dependency] = previous
