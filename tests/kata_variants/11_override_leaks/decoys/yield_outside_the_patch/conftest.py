"""Decoy: monkeypatch.context() for the override, with the yield after the block.

Wrong because the block ends, and undoes the override, before the test runs: the test that
asked for the fake user gets the real get_current_user (401 without a token).
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(live.app.dependency_overrides, get_current_user, lambda: FAKE_USER)
    yield FAKE_USER
