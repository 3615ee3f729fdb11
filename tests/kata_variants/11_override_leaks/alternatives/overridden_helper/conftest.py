"""Alternative: the project's own context manager, workbook.testing.overrides.overridden.

Right because the block sets the override and, when the test is over, puts back what was
there before it; the yield is inside the block, so the test runs with the override.
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User
from workbook.testing.overrides import overridden

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    with overridden(live.app, get_current_user, lambda: FAKE_USER):
        yield FAKE_USER
