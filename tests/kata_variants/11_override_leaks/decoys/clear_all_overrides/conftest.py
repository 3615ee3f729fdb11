"""Decoy: yield, then clear every override.

Wrong because the fixture only set one: clear() also removes the overrides the module's app
was started with (the scoring stub) and the one an outer fixture set, so later tests run
against the real scoring service, and a group signed in as a member loses its member.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    live.app.dependency_overrides[get_current_user] = lambda: FAKE_USER
    yield FAKE_USER
    live.app.dependency_overrides.clear()
