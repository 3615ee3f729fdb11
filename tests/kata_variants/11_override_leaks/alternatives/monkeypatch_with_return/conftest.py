"""Alternative: monkeypatch.setitem, and return the user instead of yielding.

Right because the undo belongs to the monkeypatch fixture, which pytest tears down after
this one when the test ends: the fixture itself needs no teardown, so returning is enough.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live, monkeypatch):
    monkeypatch.setitem(live.app.dependency_overrides, get_current_user, lambda: FAKE_USER)
    return FAKE_USER
