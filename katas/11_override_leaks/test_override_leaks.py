"""Kata 11 — the dependency override that outlives its test.

The tests of this module share one app (a module-scoped ``live`` fixture), as the tests of
a module usually do: starting an app per test costs time. The module's app has one
override of its own, for every test: a stub for the slow legacy scoring service. The tests
run in the order of this file (pytest's default): the first asks for your fixture, the
ones after it check what the fixture left behind. Run them whole: a test on its own
proves nothing about the test before it.
"""

import pytest

from workbook.app.api.deps import get_current_user, get_scoring_client
from workbook.app.models import Agent, User
from workbook.live import LiveApp
from workbook.testing.answers import Answer, answer
from workbook.testing.overrides import overridden

# Outside the real service's 0-99: no real score can pass for the stub's.
STUB_SCORE = 1000
# The user a group of tests below runs as (not in the database either).
MEMBER = User(id=1_000_002, email="member@example.com", full_name="Member", hashed_password="-", is_active=True)


class StubScoringClient:
    """Answers at once, where the legacy scoring service takes its time."""

    def score(self, name: str) -> int:
        return STUB_SCORE


def stub_scoring_client() -> StubScoringClient:
    return StubScoringClient()


@pytest.fixture(scope="module")
async def live():
    """One app for this module's tests, its scoring service stubbed for all of them."""
    async with await LiveApp.start(overrides={get_scoring_client: stub_scoring_client}) as live:
        yield live


@pytest.fixture(scope="module")
async def user(live: LiveApp) -> dict:
    """A real user of the database, with a password and tokens, for the tests that need one."""
    return await live.create_user()


async def me(live: LiveApp, headers: dict[str, str] | None = None) -> Answer:
    return await answer(live.client, "GET", "/users/me", headers=headers)


def provider_name(provider: object) -> str:
    return getattr(provider, "__qualname__", repr(provider))


def email_of(seen: Answer) -> str | None:
    return seen.json().get("email") if seen.status == 200 else None


async def test_the_fixture_answers_requests_as_the_fake_user(live: LiveApp, signed_in_as_fake_user):
    seen = await me(live)
    assert email_of(seen) == signed_in_as_fake_user.email, (
        f"in a test that asked for signed_in_as_fake_user, GET /users/me without a token "
        f"answered {seen}; expected 200 as {signed_in_as_fake_user.email}: while its test "
        f"runs, the fixture must override get_current_user"
    )


async def test_a_later_test_gets_the_real_current_user(live: LiveApp, user: dict):
    seen = await me(live, headers=await live.auth_headers(user))
    assert email_of(seen) == user["email"], (
        f"after test_the_fixture_answers_requests_as_the_fake_user finished, GET /users/me "
        f"signed in as {user['email']} (a valid token) answered {seen}; expected 200 as "
        f"{user['email']}. app.dependency_overrides still maps get_current_user to "
        f"{provider_name(live.app.dependency_overrides.get(get_current_user))}: the fixture's override "
        f"outlived its test, and every later test of the module sees the fake"
    )
    anonymous = await me(live)
    assert anonymous.status == 401, (
        f"after test_the_fixture_answers_requests_as_the_fake_user finished, GET /users/me "
        f"without a token answered {anonymous}; expected 401: the real get_current_user "
        f"lets nobody in without a token"
    )


async def test_the_module_overrides_are_kept(live: LiveApp, user: dict):
    async with live.session() as session:
        agent = Agent(owner_id=user["id"], name="scored")
        session.add(agent)
        await session.commit()
    seen = await answer(live.client, "GET", f"/agents/{agent.id}/score")
    assert seen.status == 200 and seen.json()["score"] == STUB_SCORE, (
        f"after test_the_fixture_answers_requests_as_the_fake_user finished, GET "
        f"/agents/{agent.id}/score answered {seen}; expected the module's stub score "
        f"{STUB_SCORE}. app.dependency_overrides is now "
        f"{sorted(dependency.__name__ for dependency in live.app.dependency_overrides)}: the "
        f"fixture removed an override it had not set (the module's, for get_scoring_client)"
    )


@pytest.fixture(scope="class")
def signed_in_as_member(live: LiveApp):
    """For a whole class of tests: every request is answered as MEMBER."""
    with overridden(live.app, get_current_user, lambda: MEMBER):
        yield MEMBER


@pytest.mark.usefixtures("signed_in_as_member")
class TestAGroupSignedInAsAMember:
    """Tests that all run as MEMBER. One of them asks for signed_in_as_fake_user as well."""

    async def test_one_test_of_the_group_runs_as_the_fake_user(self, live: LiveApp, signed_in_as_fake_user):
        seen = await me(live)
        assert email_of(seen) == signed_in_as_fake_user.email, (
            f"in a test that asked for signed_in_as_fake_user, inside a group signed in as "
            f"{MEMBER.email}, GET /users/me answered {seen}; expected 200 as "
            f"{signed_in_as_fake_user.email}: the test's own fixture comes last, and wins"
        )

    async def test_the_next_test_of_the_group_runs_as_the_member_again(self, live: LiveApp):
        seen = await me(live)
        why = (
            "The fixture took the group's override away with its own: it must leave "
            "app.dependency_overrides as it found it, the override that was there before its "
            "own put back, not just its own removed"
            if seen.status == 401
            else "The fixture's override outlived its test"
        )
        assert email_of(seen) == MEMBER.email, (
            f"inside a group of tests signed in as {MEMBER.email}, after one test that used "
            f"signed_in_as_fake_user, GET /users/me answered {seen}; expected 200 as "
            f"{MEMBER.email}. {why}."
        )
