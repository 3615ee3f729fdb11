"""Alternative: remember what was there, and put it back in a finally block.

Right because the teardown restores the previous override (or removes the key if there was
none), touches no other key, and runs even if the test failed.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)

NOTHING = object()


@pytest.fixture
def signed_in_as_fake_user(live):
    overrides = live.app.dependency_overrides
    previous = overrides.get(get_current_user, NOTHING)
    overrides[get_current_user] = lambda: FAKE_USER
    try:
        yield FAKE_USER
    finally:
        if previous is NOTHING:
            del overrides[get_current_user]
        else:
            overrides[get_current_user] = previous
