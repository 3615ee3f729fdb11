"""Users: POST /users and GET /users/{user_id}."""

import asyncio

import httpx
import pytest

from workbook.live import DEMO_PASSWORD as PASSWORD
from workbook.app.models import User
from workbook.live import LiveApp

pytestmark = pytest.mark.database


async def test_create_user_answers_201_with_the_public_fields(live: LiveApp):
    response = await live.client.post("/users", json={"email": "ada@example.com", "full_name": "Ada Lovelace", "password": PASSWORD})
    assert response.status_code == 201, response.text
    user = response.json()
    assert isinstance(user["id"], int), user
    assert user == {"id": user["id"], "email": "ada@example.com", "full_name": "Ada Lovelace"}


async def test_create_user_without_full_name_stores_an_empty_one(live: LiveApp):
    response = await live.client.post("/users", json={"email": "ada@example.com", "password": PASSWORD})
    assert response.status_code == 201, response.text
    assert response.json()["full_name"] == "", response.text


async def test_create_user_with_a_taken_email_answers_409(live: LiveApp, create_user):
    await create_user("ada@example.com", "Ada")
    response = await live.client.post("/users", json={"email": "ada@example.com", "full_name": "Someone else", "password": PASSWORD})
    assert response.status_code == 409, (
        f"second user with the same email: expected 409, got {response.status_code} {response.text}"
    )
    assert response.json() == {"detail": "a user with email 'ada@example.com' already exists"}


@pytest.mark.parametrize(
    "email",
    ["not-an-email", "two@at@example.com", "spa ce@example.com", "@example.com", "ada@", ""],
)
async def test_create_user_with_a_malformed_email_answers_422(live: LiveApp, email: str):
    response = await live.client.post("/users", json={"email": email, "password": PASSWORD})
    assert response.status_code == 422, f"email {email!r}: expected 422, got {response.status_code} {response.text}"
    assert [error["loc"] for error in response.json()["detail"]] == [["body", "email"]], response.text


async def test_create_user_twice_at_once_with_one_email_answers_201_and_409(live: LiveApp):
    def outcome(result: httpx.Response | BaseException) -> str:
        if isinstance(result, httpx.Response):
            return str(result.status_code)
        return f"{type(result).__name__} raised (a server answers 500)"

    for attempt in range(5):
        body = {"email": f"same-{attempt}@example.com", "password": PASSWORD}
        both = (live.client.post("/users", json=body) for _ in range(2))
        results = await asyncio.gather(*both, return_exceptions=True)
        seen = sorted(outcome(result) for result in results)
        assert seen == ["201", "409"], f"two concurrent POST /users with one email: expected 201 and 409, got {seen}"


async def test_create_user_without_an_email_answers_422(live: LiveApp):
    response = await live.client.post("/users", json={"full_name": "Nobody", "password": PASSWORD})
    assert response.status_code == 422, response.text


async def test_read_user_answers_the_created_user(live: LiveApp, create_user):
    created = await create_user("ada@example.com", "Ada")
    response = await live.client.get(f"/users/{created['id']}")
    assert response.status_code == 200, response.text
    assert response.json() == created


async def test_read_unknown_user_answers_404(live: LiveApp):
    response = await live.client.get("/users/999")
    assert response.status_code == 404, response.text
    assert response.json() == {"detail": "user 999 not found"}


async def test_read_user_with_a_non_integer_id_answers_422(live: LiveApp):
    response = await live.client.get("/users/ada")
    assert response.status_code == 422, response.text


@pytest.mark.parametrize(("method", "path", "status"), [("post", "/users", "201"), ("get", "/users/{user_id}", "200")])
async def test_openapi_documents_user_public_as_the_response(live: LiveApp, method: str, path: str, status: str):
    operation = live.app.openapi()["paths"][path][method]
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/UserPublic"}, f"{method.upper()} {path} documents {schema}"


async def test_openapi_user_public_has_the_public_fields(live: LiveApp):
    user_public = live.app.openapi()["components"]["schemas"]["UserPublic"]
    assert sorted(user_public["properties"]) == ["email", "full_name", "id"], user_public


async def test_the_password_is_stored_only_as_an_argon2_hash(live):
    response = await live.client.post("/users", json={"email": "ada@example.com", "password": PASSWORD})
    assert response.status_code == 201, response.text
    assert "password" not in response.text and "hashed_password" not in response.json(), response.text
    async with live.session() as session:
        user = await session.get(User, response.json()["id"])
    assert user.hashed_password.startswith("$argon2id$"), f"stored {user.hashed_password[:20]!r}…"
    assert PASSWORD not in user.hashed_password
    hasher = live.app.state.password_hasher
    assert hasher.verify(PASSWORD, user.hashed_password), "the stored hash does not verify the password"
    assert not hasher.verify("wrong password", user.hashed_password)


async def test_a_short_password_answers_422(live):
    response = await live.client.post("/users", json={"email": "ada@example.com", "password": "short"})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "password"], response.text
