"""Decoy: return the fake user instead of yielding it, trusting pytest to undo the override.

Wrong because pytest undoes nothing it was not told to: a fixture that returns has no
teardown, the override stays in the shared app, and every later test sees the fake.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    live.app.dependency_overrides[get_current_user] = lambda: FAKE_USER
    return FAKE_USER
