"""Every kind of bad token is refused: 401 with WWW-Authenticate: Bearer.

Most tokens here are forged with the app's own secret and valid claims, with exactly one
thing wrong; test_a_forged_token_with_nothing_wrong_is_accepted shows the forging itself
makes tokens the app accepts, so each refusal is down to the one fault. Time moves through
the token service's clock, never by sleeping.
"""

import asyncio
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, update

from workbook.app.api.deps import get_token_service
from workbook.app.models import User
from workbook.app.security.tokens import TokenService
from workbook.live import DEMO_PASSWORD, LiveApp
from workbook.testing.tokens import OTHER_SECRET, access_claims, app_key, forge, unsigned, with_payload

pytestmark = pytest.mark.database

REFUSED = {"detail": "could not validate credentials"}


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.current = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def tokens(live: LiveApp, clock: Clock) -> TokenService:
    """The app's token service (same secret), on the test's clock, plugged in through the
    get_token_service seam."""
    service = TokenService.from_settings(live.app.state.settings, now=clock.now)
    live.app.dependency_overrides[get_token_service] = lambda: service
    return service


@pytest.fixture
def secret(live: LiveApp) -> str:
    return app_key(live)


@pytest.fixture
async def user(live: LiveApp) -> dict[str, Any]:
    return await live.create_user()


@pytest.fixture
def claims(user: dict[str, Any], clock: Clock) -> dict[str, Any]:
    """The claims of a valid access token of `user`, issued now."""
    return access_claims(user["id"], now=clock.now())


async def me(live: LiveApp, token: str) -> httpx.Response:
    return await live.client.get("/users/me", headers={"Authorization": f"Bearer {token}"})


def assert_refused(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers.get("WWW-Authenticate") == "Bearer", response.headers
    assert response.json() == REFUSED, response.text


async def login(live: LiveApp, email: str) -> dict[str, Any]:
    response = await live.client.post("/auth/token", data={"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()


# --- the control ---------------------------------------------------------------------


async def test_a_forged_token_with_nothing_wrong_is_accepted(live: LiveApp, tokens, claims, secret, user):
    response = await me(live, forge(claims, secret))
    assert response.status_code == 200, response.text
    assert response.json()["id"] == user["id"]


async def test_an_issued_access_token_is_accepted_until_one_second_before_it_expires(live: LiveApp, tokens, clock, user):
    token = tokens.issue_access(user_id=user["id"]).token
    clock.advance(seconds=899)
    response = await me(live, token)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    "module",
    [
        "workbook.app.security.tokens",
        "workbook.app.services.sessions",
        "workbook.app.services.auth",
        "workbook.app.api.deps",
    ],
)
def test_each_auth_module_imports_first_in_a_fresh_interpreter(module: str):
    # Notebooks import these directly; an import cycle only shows with the right order.
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- signature and algorithm -------------------------------------------------------


async def test_no_token_is_refused(live: LiveApp, tokens):
    response = await live.client.get("/users/me")
    assert response.status_code == 401, response.text
    assert response.headers.get("WWW-Authenticate") == "Bearer", response.headers


async def test_a_token_that_is_not_a_jwt_is_refused(live: LiveApp, tokens):
    assert_refused(await me(live, "not-a-token"))


async def test_a_token_with_a_wrong_signature_is_refused(live: LiveApp, tokens, claims, secret, user):
    # A real token of one user, its payload swapped for another user's: the signature no
    # longer matches what it signs.
    tampered = with_payload(forge(claims, secret), {**claims, "sub": str(user["id"] + 1)})
    assert_refused(await me(live, tampered))


async def test_a_token_signed_with_another_key_is_refused(live: LiveApp, tokens, claims):
    assert_refused(await me(live, forge(claims, OTHER_SECRET)))


async def test_an_unsigned_token_with_alg_none_is_refused(live: LiveApp, tokens, claims):
    token = unsigned(claims)
    assert token.endswith("."), token  # no signature at all
    assert_refused(await me(live, token))


@pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
async def test_a_token_whose_header_names_another_algorithm_is_refused(
    live: LiveApp, tokens, claims, secret, algorithm: str
):
    # Signed correctly with the app's own secret: only the algorithm differs. The server
    # decides the algorithm (HS256); the token's header does not.
    assert_refused(await me(live, forge(claims, secret, algorithm)))


# --- time ----------------------------------------------------------------------------


async def test_an_expired_access_token_is_refused(live: LiveApp, tokens, clock, user):
    token = tokens.issue_access(user_id=user["id"]).token
    clock.advance(seconds=900)
    assert_refused(await me(live, token))


async def test_a_token_issued_in_the_future_is_refused(live: LiveApp, tokens, claims, secret):
    assert_refused(await me(live, forge({**claims, "iat": claims["iat"] + 60}, secret)))


async def test_a_token_not_valid_before_a_future_time_is_refused(live: LiveApp, tokens, claims, secret):
    assert_refused(await me(live, forge({**claims, "nbf": claims["iat"] + 60}, secret)))


@pytest.mark.parametrize("exp", ["NaN", "9999999999", True, None], ids=["nan", "string", "bool", "null"])
async def test_a_token_with_an_expiry_that_is_not_a_number_is_refused(live: LiveApp, tokens, claims, secret, exp):
    # NaN compares false with everything: read naively it never expires.
    value = float("nan") if exp == "NaN" else exp
    assert_refused(await me(live, forge({**claims, "exp": value}, secret)))


# --- claims --------------------------------------------------------------------------


@pytest.mark.parametrize("claim", ["sub", "exp", "iat", "jti", "type"])
async def test_a_token_missing_a_required_claim_is_refused(live: LiveApp, tokens, claims, secret, claim: str):
    del claims[claim]
    assert_refused(await me(live, forge(claims, secret)))


async def test_a_token_whose_sub_is_not_a_string_is_refused(live: LiveApp, tokens, claims, secret, user):
    assert_refused(await me(live, forge({**claims, "sub": user["id"]}, secret)))


@pytest.mark.parametrize("sub", ["abc", "-1", "0", "1.0", " 1", "99999999999999999999", "٣"])
async def test_a_token_whose_sub_is_not_a_user_id_is_refused(live: LiveApp, tokens, claims, secret, sub: str):
    assert_refused(await me(live, forge({**claims, "sub": sub}, secret)))


async def test_a_refresh_token_used_as_an_access_token_is_refused(live: LiveApp, tokens, user):
    pair = await login(live, user["email"])
    assert_refused(await me(live, pair["refresh_token"]))


async def test_a_token_of_an_unknown_type_is_refused(live: LiveApp, tokens, claims, secret):
    assert_refused(await me(live, forge({**claims, "type": "admin"}, secret)))


# --- the user behind the token -------------------------------------------------------


async def test_a_token_of_a_deleted_user_is_refused(live: LiveApp, tokens, user):
    token = (await login(live, user["email"]))["access_token"]
    async with live.session() as session:
        await session.execute(delete(User).where(User.id == user["id"]))
        await session.commit()
    assert_refused(await me(live, token))


async def test_a_token_of_a_disabled_user_is_refused(live: LiveApp, tokens, user):
    token = (await login(live, user["email"]))["access_token"]
    async with live.session() as session:
        await session.execute(update(User).where(User.id == user["id"]).values(is_active=False))
        await session.commit()
    assert_refused(await me(live, token))


# --- refresh tokens ------------------------------------------------------------------


async def refresh(live: LiveApp, refresh_token: str) -> httpx.Response:
    return await live.client.post("/auth/refresh", json={"refresh_token": refresh_token})


def assert_refresh_refused(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers.get("WWW-Authenticate") == "Bearer", response.headers


async def test_a_refresh_token_after_logout_is_refused(live: LiveApp, tokens, user):
    pair = await login(live, user["email"])
    response = await live.client.post("/auth/logout", json={"refresh_token": pair["refresh_token"]})
    assert response.status_code == 204, response.text
    assert_refresh_refused(await refresh(live, pair["refresh_token"]))


async def test_logout_revokes_the_refresh_tokens_rotated_from_the_same_login(live: LiveApp, tokens, user):
    first = await login(live, user["email"])
    second = (await refresh(live, first["refresh_token"])).json()
    response = await live.client.post("/auth/logout", json={"refresh_token": second["refresh_token"]})
    assert response.status_code == 204, response.text
    assert_refresh_refused(await refresh(live, second["refresh_token"]))


async def test_logout_with_a_stale_refresh_token_of_the_login_revokes_the_newest_too(live: LiveApp, tokens, user):
    # Another tab still holds the token from before a refresh: logging out there ends the
    # login, the newer token included.
    first = await login(live, user["email"])
    second = (await refresh(live, first["refresh_token"])).json()
    response = await live.client.post("/auth/logout", json={"refresh_token": first["refresh_token"]})
    assert response.status_code == 204, response.text
    assert_refresh_refused(await refresh(live, second["refresh_token"]))


async def test_logout_leaves_the_users_other_logins_alone(live: LiveApp, tokens, user):
    here = await login(live, user["email"])
    other_device = await login(live, user["email"])
    response = await live.client.post("/auth/logout", json={"refresh_token": here["refresh_token"]})
    assert response.status_code == 204, response.text
    response = await refresh(live, other_device["refresh_token"])
    assert response.status_code == 200, response.text


async def test_a_reused_rotated_refresh_token_is_refused_and_revokes_the_whole_family(live: LiveApp, tokens, user):
    first = await login(live, user["email"])
    rotated = await refresh(live, first["refresh_token"])
    assert rotated.status_code == 200, rotated.text
    newest = rotated.json()["refresh_token"]

    assert_refresh_refused(await refresh(live, first["refresh_token"]))  # replayed
    # The replay could be the thief or the owner: the newest token goes too.
    assert_refresh_refused(await refresh(live, newest))


async def test_a_reused_refresh_token_leaves_other_logins_alone(live: LiveApp, tokens, user):
    stolen = await login(live, user["email"])
    other_device = await login(live, user["email"])
    await refresh(live, stolen["refresh_token"])
    assert_refresh_refused(await refresh(live, stolen["refresh_token"]))
    response = await refresh(live, other_device["refresh_token"])
    assert response.status_code == 200, response.text


async def test_an_access_token_used_as_a_refresh_token_is_refused(live: LiveApp, tokens, user):
    pair = await login(live, user["email"])
    assert_refresh_refused(await refresh(live, pair["access_token"]))


async def test_an_expired_refresh_token_is_refused(live: LiveApp, tokens, clock, user):
    pair = await login(live, user["email"])
    clock.advance(days=7)
    assert_refresh_refused(await refresh(live, pair["refresh_token"]))


async def test_a_signed_refresh_token_the_server_never_issued_is_refused(
    live: LiveApp, tokens, claims, secret
):
    forged = forge({**claims, "type": "refresh", "fam": uuid.uuid4().hex}, secret)
    assert_refresh_refused(await refresh(live, forged))


async def test_a_signed_refresh_token_without_a_session_is_refused(live: LiveApp, tokens, claims, secret):
    assert_refresh_refused(await refresh(live, forge({**claims, "type": "refresh"}, secret)))


async def test_a_refresh_token_of_a_disabled_user_is_refused(live: LiveApp, tokens, user):
    pair = await login(live, user["email"])
    async with live.session() as session:
        await session.execute(update(User).where(User.id == user["id"]).values(is_active=False))
        await session.commit()
    assert_refresh_refused(await refresh(live, pair["refresh_token"]))


async def test_two_refreshes_at_once_with_one_token_rotate_it_once(live: LiveApp, tokens, user):
    pair = await login(live, user["email"])
    results = await asyncio.gather(*(refresh(live, pair["refresh_token"]) for _ in range(2)))
    assert sorted(response.status_code for response in results) == [200, 401], [r.text for r in results]
    # The loser looked like a replay: the family is revoked, the winner's token too.
    winner = next(response for response in results if response.status_code == 200)
    assert_refresh_refused(await refresh(live, winner.json()["refresh_token"]))

