"""Agents: CRUD on /agents and the metadata document on /agents/{agent_id}/metadata.

Every read-back is a new request, hence a new session: it sees what was committed. The
``owner_id`` fixture signs ``live.client`` in as the owner; who may do what is checked at
the end of this file.
"""

from typing import Any

import pytest

from workbook.live import LiveApp

pytestmark = pytest.mark.database

OMIT = object()  # in a body change: leave this field out of the request


async def read_agent(live: LiveApp, agent_id: int) -> dict[str, Any]:
    response = await live.client.get(f"/agents/{agent_id}")
    assert response.status_code == 200, response.text
    return response.json()


# --- POST /agents ---------------------------------------------------------------------------


async def test_create_agent_answers_201_with_the_agent(live: LiveApp, owner_id: int):
    sent = {
        "name": "Scout",
        "description": "finds things",
        "status": "running",
        "agent_metadata": {"settings": {"model": "small"}},
    }
    response = await live.client.post("/agents", json=sent)
    assert response.status_code == 201, response.text
    created = response.json()
    assert isinstance(created["id"], int), created
    assert created == {"id": created["id"], "owner_id": owner_id, **sent}


async def test_create_agent_fills_the_defaults(live: LiveApp, owner_id: int):
    response = await live.client.post("/agents", json={"name": "Scout"})
    assert response.status_code == 201, response.text
    created = response.json()
    defaults = {key: created[key] for key in ("description", "status", "agent_metadata")}
    assert defaults == {"description": None, "status": "idle", "agent_metadata": {}}, created


async def test_create_agent_signed_out_answers_401_and_creates_nothing(live: LiveApp):
    response = await live.client.post("/agents", json={"name": "Orphan"})
    assert response.status_code == 401, f"no token: expected 401, got {response.status_code} {response.text}"
    assert response.headers.get("www-authenticate") == "Bearer", response.headers
    listed = await live.client.get("/agents")
    assert listed.json() == [], f"a refused agent was stored anyway: {listed.text}"


async def test_an_owner_id_in_the_create_body_does_not_choose_the_owner(live: LiveApp, owner_id: int, create_user):
    victim = await create_user("victim@example.com")
    response = await live.client.post("/agents", json={"owner_id": victim["id"], "name": "Planted"})
    assert response.status_code == 201, response.text
    assert response.json()["owner_id"] == owner_id, (
        f"signed in as user {owner_id} and sent owner_id={victim['id']}: the agent belongs to "
        f"{response.json()['owner_id']}; the owner must be the signed-in user"
    )


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"name": ""}, ["body", "name"]),
        ({"name": "x" * 101}, ["body", "name"]),
        ({"status": "sleeping"}, ["body", "status"]),
        ({"agent_metadata": ["not", "an", "object"]}, ["body", "agent_metadata"]),
        ({"name": OMIT}, ["body", "name"]),
    ],
    ids=["empty name", "name too long", "unknown status", "metadata not an object", "no name"],
)
async def test_create_agent_with_an_invalid_body_answers_422(
    live: LiveApp, owner_id: int, change: dict[str, Any], loc: list[str]
):
    body = {"name": "Scout", **change}
    body = {key: value for key, value in body.items() if value is not OMIT}
    response = await live.client.post("/agents", json=body)
    assert response.status_code == 422, f"sent {body}: expected 422, got {response.status_code} {response.text}"
    assert loc in [error["loc"] for error in response.json()["detail"]], response.text


# --- GET /agents ----------------------------------------------------------------------------


async def test_list_agents_on_an_empty_database_is_empty(live: LiveApp):
    response = await live.client.get("/agents")
    assert response.status_code == 200, response.text
    assert response.json() == []


async def test_list_agents_answers_oldest_first(live: LiveApp, create_agent):
    created = [await create_agent(name=name) for name in ("first", "second", "third")]
    response = await live.client.get("/agents")
    assert response.status_code == 200, response.text
    assert response.json() == created, "expected the agents in creation order"


async def test_list_agents_with_owner_id_answers_only_that_owners_agents(
    live: LiveApp, owner_id: int, create_user, create_agent
):
    other = await create_user("other@example.com")
    mine = [await create_agent(name="mine 1"), await create_agent(name="mine 2")]
    theirs = await create_agent(name="theirs", owner_id=other["id"])
    for owner, expected in ((owner_id, mine), (other["id"], [theirs]), (999, [])):
        response = await live.client.get("/agents", params={"owner_id": owner})
        assert response.status_code == 200, response.text
        assert response.json() == expected, f"owner_id={owner}: expected {expected}, got {response.json()}"


# --- GET /agents/{agent_id} -----------------------------------------------------------------


async def test_read_agent_answers_the_agent(live: LiveApp, agent: dict[str, Any]):
    response = await live.client.get(f"/agents/{agent['id']}")
    assert response.status_code == 200, response.text
    assert response.json() == agent


async def test_read_unknown_agent_answers_404(live: LiveApp):
    response = await live.client.get("/agents/999")
    assert response.status_code == 404, response.text
    assert response.json() == {"detail": "agent 999 not found"}


# --- PATCH /agents/{agent_id} ---------------------------------------------------------------


async def test_update_agent_changes_the_sent_fields_and_keeps_the_others(live: LiveApp, agent: dict[str, Any]):
    response = await live.client.patch(f"/agents/{agent['id']}", json={"name": "Renamed"})
    assert response.status_code == 200, response.text
    expected = {**agent, "name": "Renamed"}
    assert response.json() == expected, "a partial update changed fields it was not sent"
    assert await read_agent(live, agent["id"]) == expected, "the update was not saved as answered"


async def test_update_agent_with_an_empty_body_changes_nothing(live: LiveApp, agent: dict[str, Any]):
    response = await live.client.patch(f"/agents/{agent['id']}", json={})
    assert response.status_code == 200, response.text
    assert await read_agent(live, agent["id"]) == agent


async def test_update_agent_with_an_explicit_null_description_clears_it(live: LiveApp, agent: dict[str, Any]):
    response = await live.client.patch(f"/agents/{agent['id']}", json={"description": None})
    assert response.status_code == 200, response.text
    stored = await read_agent(live, agent["id"])
    assert stored == {**agent, "description": None}, f"sent description null: expected it cleared, read {stored}"


@pytest.mark.parametrize(
    "change",
    [{"name": None}, {"status": None}, {"name": ""}, {"status": "sleeping"}],
    ids=["null name", "null status", "empty name", "unknown status"],
)
async def test_update_agent_with_an_invalid_field_answers_422_and_changes_nothing(
    live: LiveApp, agent: dict[str, Any], change: dict[str, Any]
):
    response = await live.client.patch(f"/agents/{agent['id']}", json=change)
    assert response.status_code == 422, f"sent {change}: expected 422, got {response.status_code} {response.text}"
    assert await read_agent(live, agent["id"]) == agent


async def test_update_unknown_agent_answers_404(live: LiveApp, owner_id: int):
    response = await live.client.patch("/agents/999", json={"name": "Ghost"})
    assert response.status_code == 404, response.text
    assert response.json() == {"detail": "agent 999 not found"}


# --- DELETE /agents/{agent_id} --------------------------------------------------------------


async def test_delete_agent_answers_204_with_an_empty_body_then_the_agent_is_gone(
    live: LiveApp, agent: dict[str, Any], create_agent
):
    other = await create_agent(name="Other")
    response = await live.client.delete(f"/agents/{agent['id']}")
    assert response.status_code == 204, response.text
    assert response.content == b"", f"a 204 must have no body, got {response.content!r}"
    after = await live.client.get(f"/agents/{agent['id']}")
    assert after.status_code == 404, f"deleted agent still answers {after.status_code} {after.text}"
    assert (await live.client.get("/agents")).json() == [other], "deleting one agent touched another"


async def test_delete_an_already_deleted_agent_answers_404(live: LiveApp, agent: dict[str, Any]):
    first = await live.client.delete(f"/agents/{agent['id']}")
    assert first.status_code == 204, first.text
    second = await live.client.delete(f"/agents/{agent['id']}")
    assert second.status_code == 404, f"second delete: expected 404, got {second.status_code} {second.text}"
    assert second.json() == {"detail": f"agent {agent['id']} not found"}


# --- PATCH /agents/{agent_id}/metadata ------------------------------------------------------


async def test_set_metadata_changes_a_nested_key_and_keeps_its_siblings(live: LiveApp, agent: dict[str, Any]):
    response = await live.client.patch(
        f"/agents/{agent['id']}/metadata", json={"path": ["settings", "model"], "value": "large"}
    )
    assert response.status_code == 200, response.text
    expected = {"settings": {"model": "large", "tags": ["fast"]}, "version": 1}
    assert response.json()["agent_metadata"] == expected, response.text
    stored = (await read_agent(live, agent["id"]))["agent_metadata"]
    assert stored == expected, f"metadata change was lost: after commit a fresh session read {stored}"


async def test_set_metadata_creates_missing_levels(live: LiveApp, agent: dict[str, Any]):
    response = await live.client.patch(
        f"/agents/{agent['id']}/metadata", json={"path": ["limits", "daily", "tokens"], "value": 1000}
    )
    assert response.status_code == 200, response.text
    stored = (await read_agent(live, agent["id"]))["agent_metadata"]
    expected = {**agent["agent_metadata"], "limits": {"daily": {"tokens": 1000}}}
    assert stored == expected, f"set limits.daily.tokens: expected {expected}, read {stored}"


async def test_set_metadata_replaces_a_top_level_key_with_any_json_value(live: LiveApp, agent: dict[str, Any]):
    value = {"major": 2, "notes": [None, True, 1.5, "x"]}
    response = await live.client.patch(f"/agents/{agent['id']}/metadata", json={"path": ["version"], "value": value})
    assert response.status_code == 200, response.text
    stored = (await read_agent(live, agent["id"]))["agent_metadata"]
    assert stored == {**agent["agent_metadata"], "version": value}, stored


@pytest.mark.parametrize(
    ("path", "where", "kind"),
    [
        (["settings", "model", "size"], "settings.model", "str"),
        (["settings", "tags", "first"], "settings.tags", "list"),
        (["version", "major"], "version", "int"),
    ],
)
async def test_set_metadata_through_a_non_object_answers_409_and_changes_nothing(
    live: LiveApp, agent: dict[str, Any], path: list[str], where: str, kind: str
):
    response = await live.client.patch(f"/agents/{agent['id']}/metadata", json={"path": path, "value": 1})
    assert response.status_code == 409, f"path {path}: expected 409, got {response.status_code} {response.text}"
    assert response.json() == {"detail": f"metadata key {where!r} holds a {kind}, not an object"}
    assert await read_agent(live, agent["id"]) == agent


@pytest.mark.parametrize(
    "body",
    [{"path": [], "value": 1}, {"path": ["k"] * 9, "value": 1}, {"path": ["k"]}, {"value": 1}],
    ids=["empty path", "path deeper than 8", "no value", "no path"],
)
async def test_set_metadata_with_an_invalid_body_answers_422(
    live: LiveApp, agent: dict[str, Any], body: dict[str, Any]
):
    response = await live.client.patch(f"/agents/{agent['id']}/metadata", json=body)
    assert response.status_code == 422, f"sent {body}: expected 422, got {response.status_code} {response.text}"


async def test_set_metadata_of_an_unknown_agent_answers_404(live: LiveApp, owner_id: int):
    response = await live.client.patch("/agents/999/metadata", json={"path": ["k"], "value": 1})
    assert response.status_code == 404, response.text
    assert response.json() == {"detail": "agent 999 not found"}


# --- OpenAPI --------------------------------------------------------------------------------

AGENT_PUBLIC = {"$ref": "#/components/schemas/AgentPublic"}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("post", "/agents", "201"),
        ("get", "/agents/{agent_id}", "200"),
        ("patch", "/agents/{agent_id}", "200"),
        ("patch", "/agents/{agent_id}/metadata", "200"),
    ],
)
async def test_openapi_documents_agent_public_as_the_response(live: LiveApp, method: str, path: str, status: str):
    schema = live.app.openapi()["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
    assert schema == AGENT_PUBLIC, f"{method.upper()} {path} documents {schema}"


async def test_openapi_documents_a_list_of_agent_public_for_the_list(live: LiveApp):
    schema = live.app.openapi()["paths"]["/agents"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert (schema["type"], schema["items"]) == ("array", AGENT_PUBLIC), f"GET /agents documents {schema}"


async def test_openapi_documents_delete_as_204_without_content(live: LiveApp):
    response = live.app.openapi()["paths"]["/agents/{agent_id}"]["delete"]["responses"]["204"]
    assert "content" not in response, f"DELETE /agents/{{agent_id}} documents a body: {response}"


async def test_openapi_agent_public_has_the_public_fields(live: LiveApp):
    agent_public = live.app.openapi()["components"]["schemas"]["AgentPublic"]
    expected = ["agent_metadata", "description", "id", "name", "owner_id", "status"]
    assert sorted(agent_public["properties"]) == expected, agent_public


def test_openapi_documents_the_error_answers_of_each_route(live):
    paths = live.app.openapi()["paths"]
    expected = {
        ("post", "/agents"): {"401", "409"},
        ("get", "/agents/{agent_id}"): {"404"},
        ("patch", "/agents/{agent_id}"): {"401", "403", "404", "409"},
        ("delete", "/agents/{agent_id}"): {"401", "403", "404"},
        ("patch", "/agents/{agent_id}/metadata"): {"401", "403", "404", "409"},
        ("post", "/users"): {"409"},
        ("get", "/users/{user_id}"): {"404"},
    }
    for (method, path), codes in expected.items():
        documented = set(paths[path][method]["responses"])
        assert codes <= documented, f"{method.upper()} {path} documents {sorted(documented)}, missing {sorted(codes - documented)}"


# --- who may change an agent ----------------------------------------------------------------

CHANGES = [
    ("patch", "/agents/{id}", {"name": "Hijacked"}),
    ("patch", "/agents/{id}/metadata", {"path": ["hijacked"], "value": True}),
    ("delete", "/agents/{id}", None),
]


async def send(live: LiveApp, method: str, path: str, body: Any, headers: dict[str, str] | None = None):
    return await live.client.request(method, path, json=body, headers=headers)


@pytest.mark.parametrize(("method", "path", "body"), CHANGES, ids=["update", "metadata", "delete"])
async def test_changing_someone_elses_agent_answers_403_and_changes_nothing(
    live: LiveApp, agent: dict[str, Any], create_user, method: str, path: str, body: Any
):
    intruder = await create_user("intruder@example.com")
    response = await send(live, method, path.format(id=agent["id"]), body, await live.auth_headers(intruder))
    assert response.status_code == 403, (
        f"{method.upper()} {path} on user {agent['owner_id']}'s agent, signed in as user "
        f"{intruder['id']}: expected 403, got {response.status_code} {response.text}"
    )
    assert response.json() == {"detail": f"agent {agent['id']} belongs to another user"}
    assert await read_agent(live, agent["id"]) == agent, "a refused change was applied anyway"


@pytest.mark.parametrize(("method", "path", "body"), CHANGES, ids=["update", "metadata", "delete"])
async def test_changing_an_agent_signed_out_answers_401_and_changes_nothing(
    live: LiveApp, agent: dict[str, Any], method: str, path: str, body: Any
):
    response = await send(live, method, path.format(id=agent["id"]), body, {"Authorization": ""})
    assert response.status_code == 401, f"{method.upper()} {path} without a token: got {response.status_code} {response.text}"
    assert response.headers.get("www-authenticate") == "Bearer", response.headers
    assert await read_agent(live, agent["id"]) == agent, "a refused change was applied anyway"


@pytest.mark.parametrize(("method", "path", "body"), CHANGES, ids=["update", "metadata", "delete"])
async def test_changing_an_agent_that_does_not_exist_answers_404_not_403(
    live: LiveApp, owner_id: int, method: str, path: str, body: Any
):
    response = await send(live, method, path.format(id=999), body)
    assert response.status_code == 404, f"{method.upper()} {path} on no agent: got {response.status_code} {response.text}"


async def test_anyone_may_read_agents_signed_out(live: LiveApp, agent: dict[str, Any]):
    for path in ("/agents", f"/agents/{agent['id']}", "/agents/with-owners"):
        response = await live.client.get(path, headers={"Authorization": ""})
        assert response.status_code == 200, f"GET {path} signed out: got {response.status_code} {response.text}"
