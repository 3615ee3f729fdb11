"""Decoy: yield, then pop the override.

Wrong because it removes the key, whatever was there before the fixture: inside a group of
tests that runs as a member (an outer fixture overrides get_current_user too), the next
test of the group finds no override at all and gets 401 instead of the member.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    live.app.dependency_overrides[get_current_user] = lambda: FAKE_USER
    yield FAKE_USER
    live.app.dependency_overrides.pop(get_current_user, None)
