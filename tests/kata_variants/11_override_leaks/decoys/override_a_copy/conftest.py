"""Decoy: override on a copy of the overrides, so nothing can leak into the app's.

Wrong because the app reads its own dict on every request, not the copy: the fake user is
never seen, not even by the test that asked for it.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    overrides = dict(live.app.dependency_overrides)
    overrides[get_current_user] = lambda: FAKE_USER
    yield FAKE_USER
    overrides.pop(get_current_user, None)
