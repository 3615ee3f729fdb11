"""Authentication, the happy paths and the login refusals: POST /auth/token, GET /users/me,
POST /auth/refresh, POST /auth/logout. (Bad tokens: test_auth_tokens.py.)"""

from typing import Any

import httpx
import jwt
import pytest
from sqlalchemy import select, update

from workbook.app.models import RefreshSession, User
from workbook.app.security.tokens import TokenService
from workbook.live import DEMO_PASSWORD, LiveApp

pytestmark = pytest.mark.database

BAD_CREDENTIALS = {"detail": "incorrect email or password"}


@pytest.fixture
async def user(live: LiveApp) -> dict[str, Any]:
    return await live.create_user("ada@example.com", full_name="Ada")


async def login(live: LiveApp, email: str, password: str = DEMO_PASSWORD) -> httpx.Response:
    return await live.client.post("/auth/token", data={"username": email, "password": password})


async def logged_in(live: LiveApp, email: str) -> dict[str, Any]:
    response = await login(live, email)
    assert response.status_code == 200, response.text
    return response.json()


async def me(live: LiveApp, access_token: str) -> httpx.Response:
    return await live.client.get("/users/me", headers={"Authorization": f"Bearer {access_token}"})


async def family_of(live: LiveApp, user_id: int) -> list[RefreshSession]:
    async with live.session() as session:
        rows = await session.scalars(select(RefreshSession).where(RefreshSession.user_id == user_id))
        return list(rows)


def token_service(live: LiveApp) -> TokenService:
    return live.app.state.token_service


async def test_login_answers_an_access_and_a_refresh_token(live: LiveApp, user):
    response = await login(live, "ada@example.com")
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"access_token", "refresh_token", "token_type", "expires_in"}, body
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    access = token_service(live).decode(body["access_token"], expected_type="access")
    refresh = token_service(live).decode(body["refresh_token"], expected_type="refresh")
    assert access.user_id == refresh.user_id == user["id"]
    assert access.jti != refresh.jti


async def test_access_token_claims_are_sub_as_a_string_exp_iat_jti_type(live: LiveApp, user):
    body = await logged_in(live, "ada@example.com")
    secret = live.app.state.settings.jwt_secret.get_secret_value()
    claims = jwt.decode(body["access_token"], secret, algorithms=["HS256"])
    assert set(claims) == {"sub", "exp", "iat", "jti", "type"}, claims
    assert claims["sub"] == str(user["id"])
    assert claims["type"] == "access"
    assert claims["exp"] - claims["iat"] == 900
    assert jwt.get_unverified_header(body["access_token"])["alg"] == "HS256"


async def test_login_stores_one_refresh_session(live: LiveApp, user):
    body = await logged_in(live, "ada@example.com")
    [stored] = await family_of(live, user["id"])
    assert stored.jti == token_service(live).decode(body["refresh_token"], expected_type="refresh").jti
    assert stored.revoked_at is None and stored.replaced_by is None


async def test_me_answers_the_user_of_the_token(live: LiveApp, user):
    body = await logged_in(live, "ada@example.com")
    response = await me(live, body["access_token"])
    assert response.status_code == 200, response.text
    assert response.json() == {"id": user["id"], "email": "ada@example.com", "full_name": "Ada"}


async def test_refresh_rotates_the_refresh_token(live: LiveApp, user):
    first = await logged_in(live, "ada@example.com")
    response = await live.client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert response.status_code == 200, response.text
    second = response.json()
    assert second["token_type"] == "bearer" and second["expires_in"] == 900
    assert second["refresh_token"] != first["refresh_token"]
    assert (await me(live, second["access_token"])).status_code == 200

    tokens = token_service(live)
    old = tokens.decode(first["refresh_token"], expected_type="refresh")
    new = tokens.decode(second["refresh_token"], expected_type="refresh")
    assert new.family_id == old.family_id  # same login session
    rows = {row.jti: row for row in await family_of(live, user["id"])}
    assert rows[old.jti].revoked_at is not None
    assert rows[old.jti].replaced_by == new.jti
    assert rows[new.jti].revoked_at is None


async def test_logout_answers_204_and_revokes_the_session(live: LiveApp, user):
    body = await logged_in(live, "ada@example.com")
    response = await live.client.post("/auth/logout", json={"refresh_token": body["refresh_token"]})
    assert response.status_code == 204, response.text
    assert response.content == b""
    assert all(row.revoked_at is not None for row in await family_of(live, user["id"]))


async def test_logout_twice_answers_204_both_times(live: LiveApp, user):
    body = await logged_in(live, "ada@example.com")
    for _ in range(2):
        response = await live.client.post("/auth/logout", json={"refresh_token": body["refresh_token"]})
        assert response.status_code == 204, response.text


async def test_logout_with_a_bad_token_answers_401(live: LiveApp):
    response = await live.client.post("/auth/logout", json={"refresh_token": "not-a-token"})
    assert response.status_code == 401, response.text
    assert response.headers.get("WWW-Authenticate") == "Bearer"


async def test_wrong_password_answers_401_with_www_authenticate(live: LiveApp, user):
    response = await login(live, "ada@example.com", "wrong password")
    assert response.status_code == 401, response.text
    assert response.headers.get("WWW-Authenticate") == "Bearer", response.headers
    assert response.json() == BAD_CREDENTIALS


async def test_unknown_email_answers_401_with_the_same_body(live: LiveApp, user):
    wrong_password = await login(live, "ada@example.com", "wrong password")
    unknown = await login(live, "nobody@example.com")
    assert unknown.status_code == wrong_password.status_code == 401, unknown.text
    assert unknown.json() == wrong_password.json() == BAD_CREDENTIALS
    assert unknown.headers.get("WWW-Authenticate") == "Bearer"


async def test_unknown_email_costs_one_password_verification_like_a_known_one(
    live: LiveApp, user, monkeypatch: pytest.MonkeyPatch
):
    # The constant-time path, checked without a stopwatch: both answers pay for Argon2.
    hasher = live.app.state.password_hasher
    verified: list[str] = []
    real_verify = hasher.verify

    def counting_verify(password: str, hash: str) -> bool:
        verified.append(hash.split("$")[1])  # the algorithm of the hash checked against
        return real_verify(password, hash)

    monkeypatch.setattr(hasher, "verify", counting_verify)
    await login(live, "ada@example.com", "wrong password")
    await login(live, "nobody@example.com", "wrong password")
    assert verified == ["argon2id", "argon2id"], verified


async def test_a_user_without_a_usable_password_answers_401_not_500(live: LiveApp, user):
    # Users from before passwords existed have the hash "!" (see the migration).
    async with live.session() as session:
        await session.execute(update(User).where(User.id == user["id"]).values(hashed_password="!"))
        await session.commit()
    response = await login(live, "ada@example.com")
    assert response.status_code == 401, response.text
    assert response.json() == BAD_CREDENTIALS


async def test_a_disabled_user_cannot_log_in(live: LiveApp, user):
    async with live.session() as session:
        await session.execute(update(User).where(User.id == user["id"]).values(is_active=False))
        await session.commit()
    response = await login(live, "ada@example.com")
    assert response.status_code == 401, response.text
    assert response.headers.get("WWW-Authenticate") == "Bearer"
    assert await family_of(live, user["id"]) == []  # no session was started


async def test_login_without_a_password_answers_422(live: LiveApp, user):
    response = await live.client.post("/auth/token", data={"username": "ada@example.com"})
    assert response.status_code == 422, response.text


async def test_me_is_not_shadowed_by_users_user_id(live: LiveApp):
    # GET /users/{user_id} would answer /users/me with a 422 if it were matched first.
    response = await live.client.get("/users/me")
    assert response.status_code == 401, response.text


async def test_openapi_describes_the_password_flow(live: LiveApp):
    schemes = live.app.openapi()["components"]["securitySchemes"]
    assert schemes == {"OAuth2PasswordBearer": {"type": "oauth2", "flows": {"password": {"scopes": {}, "tokenUrl": "/auth/token"}}}}


async def test_each_app_draws_its_own_secret(live: LiveApp, user, monkeypatch: pytest.MonkeyPatch):
    # No secret in the code: a token of one app instance means nothing to another.
    monkeypatch.delenv("WORKBOOK_JWT_SECRET", raising=False)  # the random default, even in CI
    body = await logged_in(live, "ada@example.com")
    async with await LiveApp.start() as other:
        response = await me(other, body["access_token"])
        assert response.status_code == 401, response.text
