"""Kata 01 — the user endpoint that leaks the password hash.

Your router replaces the app's GET /users/{user_id}. Each test creates a user through the
app's POST /users (which stores an Argon2 hash of the password), then reads the profile
through your endpoint as any client could, or reads what your endpoint publishes in OpenAPI.
"""

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from workbook.app.models import User
from workbook.live import LiveApp

PUBLIC_FIELDS = ["id", "email", "full_name"]
PATH = "/users/{user_id}"


@pytest.fixture(scope="module")
def router(kata) -> APIRouter:
    """The ``router`` of your user_routes.py."""
    return kata.component("user_routes").router


@pytest.fixture(scope="module")
async def live(router: APIRouter):
    """The reference app with your router included ahead of its own, so your
    GET /users/{user_id} is the one that answers. One app for this file's tests; each test
    makes a user of its own."""
    async with await LiveApp.start(routers=[router]) as live:
        yield live


@pytest.fixture
async def user(live: LiveApp) -> dict[str, Any]:
    """A new user, created through the app's POST /users (as its public profile)."""
    return await live.create_user(full_name="Ada Lovelace")


async def read_profile(live: LiveApp, user_id: int) -> httpx.Response:
    response = await live.client.get(f"/users/{user_id}")
    assert response.status_code == 200, (
        f"GET /users/{user_id} for a user that exists answered {response.status_code}: {response.text}"
    )
    return response


async def stored_hash(live: LiveApp, user_id: int) -> str:
    async with live.session() as fresh:
        return (await fresh.get(User, user_id)).hashed_password


def published(router: APIRouter) -> tuple[dict[str, Any], dict[str, Any]]:
    """What your router publishes in OpenAPI as the 200 answer of GET /users/{user_id}:
    its schema, and the named schemas it may refer to.

    Read from an app holding your router alone: in the live app the app's own route, which
    yours shadows, sits at the same path, and FastAPI's OpenAPI keeps the route included
    last (the app's) — documenting a route that never answers.
    """
    probe = FastAPI()
    probe.include_router(router)
    document = probe.openapi()
    operation = document.get("paths", {}).get(PATH, {}).get("get")
    assert operation is not None, (
        f"user_routes.router has no GET {PATH} (it has {sorted(document.get('paths', {}))}): "
        f"keep the endpoint in user_routes.py, at that path, so it is the one that answers"
    )
    answer = operation.get("responses", {}).get("200", {})
    schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
    return schema, document.get("components", {}).get("schemas", {})


def object_schemas(schema: dict[str, Any], named: dict[str, Any], seen: frozenset[str] = frozenset()) -> Iterator[dict]:
    """The object schemas (with properties) that ``schema`` documents, following $ref and
    allOf / anyOf / oneOf."""
    reference = schema.get("$ref")
    if reference:
        name = reference.rsplit("/", 1)[-1]
        if name not in seen:
            yield from object_schemas(named.get(name, {}), named, seen | {name})
    for combined in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(combined, []):
            yield from object_schemas(part, named, seen)
    if "properties" in schema:
        yield schema


async def test_the_profile_holds_no_password_hash(live: LiveApp, user: dict[str, Any]):
    response = await read_profile(live, user["id"])
    body = response.json()
    hashed = await stored_hash(live, user["id"])
    assert "hashed_password" not in body and hashed not in response.text, (
        f"GET /users/{{user_id}} answered with the fields {sorted(body)}, and the user's "
        f"password hash ({hashed[:10]}...) is in it. Whoever may read a profile can now take "
        f"the hash away and guess the password offline. Expected the public profile only: "
        f"{PUBLIC_FIELDS}."
    )


async def test_the_profile_holds_the_public_fields(live: LiveApp, user: dict[str, Any]):
    body = (await read_profile(live, user["id"])).json()
    expected = {field: user[field] for field in PUBLIC_FIELDS}
    seen = {field: body.get(field, "(missing)") for field in PUBLIC_FIELDS} if isinstance(body, dict) else body
    assert seen == expected, (
        f"GET /users/{{user_id}} answered {json.dumps(seen, sort_keys=True)} for the public "
        f"fields; expected {json.dumps(expected, sort_keys=True)}, as POST /users returned them"
    )


def test_openapi_documents_the_public_profile(router: APIRouter):
    schema, named = published(router)
    objects = list(object_schemas(schema, named))
    assert objects, (
        f"OpenAPI documents no fields for the 200 answer of GET /users/{{user_id}} (its schema "
        f"is {json.dumps(schema)}). A client, or an SDK generated from /openapi.json, learns "
        f"nothing about what it gets back. The endpoint should declare the schema it returns."
    )
    fields = set().union(*(schema["properties"] for schema in objects))
    assert "hashed_password" not in fields, (
        f"OpenAPI documents the 200 answer of GET /users/{{user_id}} with the fields "
        f"{sorted(fields)}: the published contract still offers the password hash, whatever "
        f"the body holds today. Expected a schema with the public profile only: {PUBLIC_FIELDS}."
    )
    missing = [field for field in PUBLIC_FIELDS if field not in fields]
    assert not missing, (
        f"OpenAPI documents the 200 answer of GET /users/{{user_id}} with the fields "
        f"{sorted(fields)}; the public profile's {missing} are not among them"
    )


async def test_an_unknown_user_answers_404(live: LiveApp):
    response = await live.client.get("/users/999999")
    assert response.status_code == 404, (
        f"GET /users/999999 (no such user) answered {response.status_code}: {response.text}; expected 404"
    )
