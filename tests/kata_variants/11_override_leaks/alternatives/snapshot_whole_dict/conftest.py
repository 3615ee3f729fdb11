"""Alternative: copy the whole overrides dict before, and restore its content after.

Right because fixtures are torn down in the reverse order of their set-up, so when this
one ends the dict is back to exactly what it held when it started: the module's overrides
and an outer fixture's are kept. It restores the content in place (clear, update), so the
app keeps reading the same dict. (It would also undo a change some other code made to
another key during the test, which the key-by-key restore leaves alone.)
"""

import pytest

from workbook.app.api.deps import get_current_user
from workbook.app.models import User

FAKE_USER = User(id=1_000_001, email="fake.user@example.com", full_name="Fake User", hashed_password="-", is_active=True)


@pytest.fixture
def signed_in_as_fake_user(live):
    overrides = live.app.dependency_overrides
    saved = dict(overrides)
    overrides[get_current_user] = lambda: FAKE_USER
    yield FAKE_USER
    overrides.clear()
    overrides.update(saved)
