"""Your component: the fixtures of this folder's tests.

``signed_in_as_fake_user`` lets a test act as a user without a token or a password: it
overrides the app's ``get_current_user`` dependency, so every request the test makes is
answered as FAKE_USER. The app is shared by every test of the module (the test module's
``live`` fixture starts one per module), and so is its ``app.dependency_overrides``.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

# Not in the database: only the override knows this user.
FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live, monkeypatch):
    """For the test that asks for it: every request is answered as FAKE_USER."""
    # monkeypatch undoes it when the test ends, passed or failed: the previous override
    # of get_current_user (or none) is back, and no other override is touched.
    monkeypatch.setitem(live.app.dependency_overrides, get_current_user, lambda: FAKE_USER)
    yield FAKE_USER
