"""Decoy: yield, then reset with ``app.dependency_overrides = {}``, a common idiom in test
suites.

Wrong because here the app is shared: the new, empty dict drops every override, the module's
scoring stub and an outer fixture's user among them, not just the fixture's own.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    live.app.dependency_overrides[get_current_user] = lambda: FAKE_USER
    yield FAKE_USER
    live.app.dependency_overrides = {}
