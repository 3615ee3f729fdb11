"""Alternative: register the undo with request.addfinalizer before setting the override.

Right because pytest runs the finalizer when the test ends, passed or failed, and it
restores the previous override (or removes the key if there was none).
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live, request):
    overrides = live.app.dependency_overrides
    had_one = get_current_user in overrides
    previous = overrides.get(get_current_user)

    def undo() -> None:
        if had_one:
            overrides[get_current_user] = previous
        else:
            overrides.pop(get_current_user, None)

    request.addfinalizer(undo)
    overrides[get_current_user] = lambda: FAKE_USER
    return FAKE_USER
