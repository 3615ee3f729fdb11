"""SQL injection: a corpus of payloads against every text input of the app.

For each input and each payload the test checks three things: the app does not fail (no
5xx), the database holds exactly the rows it should afterwards (a read or a refused write
changes nothing; an accepted write adds or changes the one row it names, storing the payload
as typed), and the SQL text sent to the database never contains the payload: it travelled
as a bound parameter, beside the statement, not inside it.

"Every text input": the inputs listed here are checked against the app's OpenAPI document
(every string parameter and body field), so a new endpoint cannot slip past unlisted; the
HTML pages' forms (outside that document) are listed by hand.
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from sqlalchemy import select

from workbook.testing.attacks import SQL_INJECTION, session_cookie, statements_sent
from workbook.app.api.routes.oauth import STATE_COOKIE
from workbook.app.api.security import SESSION_COOKIE
from workbook.app.models import Agent, RefreshSession, User
from workbook.idp import create_idp, reach_idp
from workbook.live import DEMO_PASSWORD, LiveApp

pytestmark = pytest.mark.database


@pytest.fixture
async def live() -> AsyncIterator[LiveApp]:
    """The app, reaching an in-process identity provider: OAuth inputs go the whole way."""
    async with await LiveApp.start(overrides=reach_idp(create_idp())) as live:
        yield live


@dataclass
class World:
    """Two users with agents; the owner is signed in (bearer token and page cookie)."""

    owner: dict[str, Any]
    other: dict[str, Any]
    headers: dict[str, str]
    cookie: str
    agent_id: int  # one of the owner's agents, the target of updates
    refresh_token: str


async def build_world(live: LiveApp) -> World:
    owner = await live.create_user("owner@example.com", full_name="Owner")
    other = await live.create_user("other@example.com", full_name="Other")
    agent = await live.create_agent(owner["id"], name="Alpha scout", description="first of two")
    await live.create_agent(owner["id"], name="Gamma", description=None)
    await live.create_agent(other["id"], name="Beta", description="second, 50% done")
    tokens = await live.login(owner)
    return World(
        owner=owner,
        other=other,
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
        cookie=await session_cookie(live, owner),
        agent_id=agent["id"],
        refresh_token=tokens["refresh_token"],
    )


async def rows(live: LiveApp) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the tests care about, read in a session of its own."""
    async with live.session() as session:
        agents = (await session.scalars(select(Agent).order_by(Agent.id))).all()
        users = (await session.scalars(select(User).order_by(User.id))).all()
        refresh = (await session.scalars(select(RefreshSession).order_by(RefreshSession.jti))).all()
        return {
            "agents": [(a.id, a.owner_id, a.name, a.description, a.status, a.agent_metadata) for a in agents],
            "users": [(u.id, u.email, u.full_name, u.hashed_password, u.is_active) for u in users],
            "refresh_sessions": [(r.jti, r.family_id, r.revoked_at is None) for r in refresh],
        }


Send = Callable[[LiveApp, World, str], Awaitable[httpx.Response]]
# (rows before, rows after, the response, the payload) -> what is wrong, or None
Expect = Callable[[dict, dict, httpx.Response, str], str | None]


def nothing_changes(before: dict, after: dict, response: httpx.Response, payload: str) -> str | None:
    return None if after == before else f"rows changed: before {before}, after {after}"


def but(extra: Callable[[dict, dict, httpx.Response, str], str | None]) -> Expect:
    """Nothing changes in the database, and ``extra`` holds of the response."""

    def expect(before: dict, after: dict, response: httpx.Response, payload: str) -> str | None:
        return nothing_changes(before, after, response, payload) or extra(before, after, response, payload)

    return expect


def search_finds_only_real_matches(before: dict, after: dict, response: httpx.Response, payload: str) -> str | None:
    if response.status_code != 200:
        return None
    found = [agent["id"] for agent in response.json()]
    expected = [
        agent_id
        for agent_id, _, name, description, *_ in before["agents"]
        if payload.lower() in name.lower() or payload.lower() in (description or "").lower()
    ]
    return None if found == expected else f"found agents {found}; only {expected} contain the text"


def one_new_row(table: str, column: int, stored_as: Callable[[str], Any] = lambda payload: payload) -> Expect:
    """201: exactly one new row in ``table``, whose ``column`` holds the payload as typed
    (``stored_as`` says how, when it is part of a larger value). Refused (422): nothing
    changes."""

    def expect(before: dict, after: dict, response: httpx.Response, payload: str) -> str | None:
        if response.status_code != 201:
            return nothing_changes(before, after, response, payload)
        others = {key: value for key, value in after.items() if key != table}
        if others != {key: value for key, value in before.items() if key != table}:
            return f"creating one {table} row changed other tables: {before} -> {after}"
        new = after[table][len(before[table]) :]
        if after[table][: len(before[table])] != before[table] or len(new) != 1:
            return f"expected {table} to gain exactly one row, saw {before[table]} -> {after[table]}"
        expected = stored_as(payload)
        return None if new[0][column] == expected else f"stored {new[0][column]!r}, expected {expected!r}"

    return expect


def only_target_agent_changes(
    column: int, holds: Callable[[Any, str], bool] = lambda stored, payload: stored == payload
) -> Expect:
    """200: the target agent (the first one) holds the payload in ``column``; no other row
    changed."""

    def expect(before: dict, after: dict, response: httpx.Response, payload: str) -> str | None:
        if response.status_code != 200:
            return nothing_changes(before, after, response, payload)
        if after["agents"][1:] != before["agents"][1:] or after["users"] != before["users"]:
            return f"an update of one agent changed other rows: {before} -> {after}"
        stored = after["agents"][0][column]
        return None if holds(stored, payload) else f"stored {stored!r}, sent {payload!r}"

    return expect


def status_in(*allowed: int) -> Callable[..., str | None]:
    def check(before: dict, after: dict, response: httpx.Response, payload: str) -> str | None:
        return None if response.status_code in allowed else f"answered {response.status_code}, expected one of {allowed}"

    return check


def path(payload: str) -> str:
    return quote(payload, safe="")


@dataclass(frozen=True)
class TextInput:
    name: str
    covers: tuple[str, ...]  # the OpenAPI inputs it stands for ("METHOD /path field"), if any
    send: Send
    expect: Expect
    reaches_database: bool = True  # False: accepted without a query (no row is involved)


def form_login(url: str, field: str) -> Send:
    async def send(live: LiveApp, world: World, payload: str) -> httpx.Response:
        data = {"username": world.owner["email"], "password": DEMO_PASSWORD, field: payload}
        return await live.client.post(url, data=data)

    return send


async def oauth_callback(live: LiveApp, world: World, **params: str) -> httpx.Response:
    """A login started for real (its state in the browser's cookie), then a callback
    carrying ``params`` over the real ones."""
    started = await live.client.get("/auth/oauth/start", params={"login_hint": world.owner["email"]})
    assert started.status_code == 302, started.text
    state = started.cookies[STATE_COOKIE]
    live.client.cookies.clear()  # the cookie goes explicitly, below
    return await live.client.get(
        "/auth/oauth/callback",
        params={"state": state, "code": "", **params},
        headers={"Cookie": f"{STATE_COOKIE}={state}"},
    )


TEXT_INPUTS = [
    TextInput(
        "search q",
        ("GET /agents/search q",),
        lambda live, w, p: live.client.get("/agents/search", params={"q": p}, headers=w.headers),
        but(search_finds_only_real_matches),
    ),
    TextInput(
        "list owner_id",
        ("GET /agents owner_id",),
        lambda live, w, p: live.client.get("/agents", params={"owner_id": p}),
        but(status_in(422)),
    ),
    TextInput(
        "agent id in the path",
        (),
        lambda live, w, p: live.client.get(f"/agents/{path(p)}"),
        but(status_in(404, 422)),
    ),
    TextInput(
        "user id in the path",
        (),
        lambda live, w, p: live.client.get(f"/users/{path(p)}"),
        but(status_in(404, 422)),
    ),
    TextInput(
        "create agent name",
        ("POST /agents name",),
        lambda live, w, p: live.client.post("/agents", json={"name": p}, headers=w.headers),
        one_new_row("agents", 2),
    ),
    TextInput(
        "create agent description",
        ("POST /agents description",),
        lambda live, w, p: live.client.post("/agents", json={"name": "New", "description": p}, headers=w.headers),
        one_new_row("agents", 3),
    ),
    TextInput(
        "create agent status",
        ("POST /agents status",),
        lambda live, w, p: live.client.post("/agents", json={"name": "New", "status": p}, headers=w.headers),
        but(status_in(422)),
    ),
    TextInput(
        "create agent metadata key and value",
        ("POST /agents agent_metadata",),
        lambda live, w, p: live.client.post("/agents", json={"name": "New", "agent_metadata": {p: p}}, headers=w.headers),
        one_new_row("agents", 5, stored_as=lambda payload: {payload: payload}),
    ),
    TextInput(
        "update agent name",
        ("PATCH /agents/{agent_id} name",),
        lambda live, w, p: live.client.patch(f"/agents/{w.agent_id}", json={"name": p}, headers=w.headers),
        only_target_agent_changes(2),
    ),
    TextInput(
        "update agent description",
        ("PATCH /agents/{agent_id} description",),
        lambda live, w, p: live.client.patch(f"/agents/{w.agent_id}", json={"description": p}, headers=w.headers),
        only_target_agent_changes(3),
    ),
    TextInput(
        "update agent status",
        ("PATCH /agents/{agent_id} status",),
        lambda live, w, p: live.client.patch(f"/agents/{w.agent_id}", json={"status": p}, headers=w.headers),
        but(status_in(422)),
    ),
    TextInput(
        "metadata path",
        ("PATCH /agents/{agent_id}/metadata path",),
        lambda live, w, p: live.client.patch(
            f"/agents/{w.agent_id}/metadata", json={"path": [p], "value": 1}, headers=w.headers
        ),
        only_target_agent_changes(5, holds=lambda metadata, payload: metadata.get(payload) == 1),
    ),
    TextInput(
        "metadata value",
        ("PATCH /agents/{agent_id}/metadata value",),
        lambda live, w, p: live.client.patch(
            f"/agents/{w.agent_id}/metadata", json={"path": ["note"], "value": p}, headers=w.headers
        ),
        only_target_agent_changes(5, holds=lambda metadata, payload: metadata.get("note") == payload),
    ),
    TextInput(
        "new user email",
        ("POST /users email",),
        lambda live, w, p: live.client.post("/users", json={"email": p, "password": DEMO_PASSWORD}),
        one_new_row("users", 1),
    ),
    TextInput(
        "new user email (local part)",
        (),
        lambda live, w, p: live.client.post("/users", json={"email": f"{p}@example.com", "password": DEMO_PASSWORD}),
        one_new_row("users", 1, stored_as=lambda payload: f"{payload}@example.com"),
    ),
    TextInput(
        "new user full name",
        ("POST /users full_name",),
        lambda live, w, p: live.client.post(
            "/users", json={"email": "new@example.com", "full_name": p, "password": DEMO_PASSWORD}
        ),
        one_new_row("users", 2),
    ),
    TextInput(
        "new user password",
        ("POST /users password",),
        lambda live, w, p: live.client.post("/users", json={"email": "new@example.com", "password": p}),
        # The password is never stored: the new row holds its hash.
        lambda before, after, response, payload: (
            nothing_changes(before, after, response, payload)
            if response.status_code != 201
            else (None if len(after["users"]) == len(before["users"]) + 1 else f"users: {before} -> {after}")
        ),
    ),
    TextInput("login username", ("POST /auth/token username",), form_login("/auth/token", "username"), but(status_in(401, 422))),
    TextInput("login password", ("POST /auth/token password",), form_login("/auth/token", "password"), but(status_in(401, 422))),
    TextInput(
        "login other form fields",
        ("POST /auth/token scope", "POST /auth/token client_id", "POST /auth/token client_secret", "POST /auth/token grant_type"),
        lambda live, w, p: live.client.post(
            "/auth/token",
            data={"username": p, "password": p, "scope": p, "client_id": p, "client_secret": p, "grant_type": p},
        ),
        but(status_in(401, 422)),
    ),
    TextInput(
        "refresh token",
        ("POST /auth/refresh refresh_token",),
        lambda live, w, p: live.client.post("/auth/refresh", json={"refresh_token": p}),
        but(status_in(401)),
    ),
    TextInput(
        "logout refresh token",
        ("POST /auth/logout refresh_token",),
        lambda live, w, p: live.client.post("/auth/logout", json={"refresh_token": p}),
        but(status_in(401)),
    ),
    TextInput(
        "bearer token",
        (),
        # Header values are bytes on the wire: the payload goes as UTF-8.
        lambda live, w, p: live.client.get("/users/me", headers={"Authorization": b"Bearer " + p.encode()}),
        but(status_in(401)),
    ),
    TextInput(
        "room name in the presence path",
        ("GET /rooms/{room} room",),
        lambda live, w, p: live.client.get(f"/rooms/{path(p)}", headers=w.headers),
        # 404 when the decoded name holds a "/" (no route matches)
        but(status_in(200, 404)),
    ),
    TextInput(
        "OAuth start login_hint",
        ("GET /auth/oauth/start login_hint",),
        lambda live, w, p: live.client.get("/auth/oauth/start", params={"login_hint": p}),
        but(status_in(302)),
        reaches_database=False,
    ),
    TextInput(
        "OAuth callback code",
        ("GET /auth/oauth/callback code",),
        lambda live, w, p: oauth_callback(live, w, code=p),
        but(status_in(401)),
    ),
    TextInput(
        "OAuth callback state",
        ("GET /auth/oauth/callback state",),
        lambda live, w, p: oauth_callback(live, w, state=p, code="some-code"),
        but(status_in(401)),
    ),
    TextInput(
        "OAuth callback error",
        ("GET /auth/oauth/callback error",),
        lambda live, w, p: oauth_callback(live, w, error=p),
        but(status_in(401)),
    ),
    TextInput("page sign-in username", (), form_login("/web/session", "username"), but(status_in(401, 422))),
    TextInput("page sign-in password", (), form_login("/web/session", "password"), but(status_in(401, 422))),
    TextInput(
        "page session cookie",
        (),
        lambda live, w, p: live.client.get("/web/agents", headers={"Cookie": f"{SESSION_COOKIE}={quote(p)}"}),
        but(status_in(401)),
    ),
    TextInput(
        "page form status",
        (),
        lambda live, w, p: live.client.post(
            f"/web/agents/{w.agent_id}/status",
            data={"status": p, "csrf_token": csrf_token(live, w)},
            headers={"Cookie": f"{SESSION_COOKIE}={w.cookie}"},
        ),
        but(status_in(422)),
    ),
    TextInput(
        "page form CSRF token",
        (),
        lambda live, w, p: live.client.post(
            f"/web/agents/{w.agent_id}/status",
            data={"status": "paused", "csrf_token": p},
            headers={"Cookie": f"{SESSION_COOKIE}={w.cookie}"},
        ),
        but(status_in(403)),
    ),
]


def csrf_token(live: LiveApp, world: World) -> str:
    return live.app.state.csrf_protection.token_for(world.cookie)


@pytest.mark.parametrize("text_input", TEXT_INPUTS, ids=lambda text_input: text_input.name)
async def test_sql_injection_payloads_stay_data(live: LiveApp, text_input: TextInput):
    world = await build_world(live)
    failures = []
    after = await rows(live)
    for payload in SQL_INJECTION:
        before = after  # nothing else writes in between
        with statements_sent(live) as sent:
            response = await text_input.send(live, world, payload)
        after = await rows(live)
        if response.status_code >= 500:
            failures.append(f"{payload!r}: answered {response.status_code} {response.text[:200]}")
        if problem := text_input.expect(before, after, response, payload):
            failures.append(f"{payload!r} ({response.status_code}): {problem}")
        if leaked := [statement for statement in sent if payload in statement]:
            failures.append(f"{payload!r} is part of the SQL text sent: {leaked}")
        if not sent and response.status_code < 400 and text_input.reaches_database:
            failures.append(f"{payload!r}: accepted without a statement recorded (is the listener attached?)")
    assert not failures, f"{text_input.name}: " + "\n".join(failures)


def openapi_text_inputs(document: dict[str, Any]) -> set[str]:
    """Every string-typed parameter and body field of the OpenAPI document, as
    "METHOD /path name" (objects and untyped values count too: they can hold text)."""

    def resolve(schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        return schema

    def holds_text(schema: dict[str, Any]) -> bool:
        schema = resolve(schema)
        options = schema.get("anyOf", [schema])
        return any(
            resolve(option).get("type") in (None, "string", "object")
            or (resolve(option).get("type") == "array" and holds_text(resolve(option).get("items", {})))
            for option in options
        )

    found = set()
    for route, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] in ("query", "path") and holds_text(parameter["schema"]):
                    found.add(f"{method.upper()} {route} {parameter['name']}")
            for content in operation.get("requestBody", {}).get("content", {}).values():
                for field, schema in resolve(content["schema"]).get("properties", {}).items():
                    if holds_text(schema):
                        found.add(f"{method.upper()} {route} {field}")
    return found


async def test_the_corpus_covers_every_text_input_of_the_api(live: LiveApp):
    covered = {name for text_input in TEXT_INPUTS for name in text_input.covers}
    missing = openapi_text_inputs(live.app.openapi()) - covered
    assert not missing, f"text inputs in the OpenAPI document that no SQL injection test sends payloads to: {sorted(missing)}"


async def test_the_search_finds_by_name_or_description_ignoring_case_and_wildcards(live: LiveApp):
    owner = await live.create_user()
    scout = await live.create_agent(owner["id"], name="Alpha scout", description="first of two")
    beta = await live.create_agent(owner["id"], name="Beta", description="second, 50% done")
    await live.create_agent(owner["id"], name="Gamma", description="5 of 10")

    async def found(text: str) -> list[int]:
        response = await live.client.get("/agents/search", params={"q": text})
        assert response.status_code == 200, response.text
        return [agent["id"] for agent in response.json()]

    assert await found("SCOUT") == [scout["id"]], "a name match in another case"
    assert await found("second") == [beta["id"]], "a description match"
    assert await found("0%") == [beta["id"]], "`%` in the text must match a percent sign, not anything"
    assert await found("_") == [], "`_` in the text must match an underscore, not any one character"


@pytest.mark.parametrize(
    "q, why",
    [("", "empty"), ("x" * 101, "longer than 100"), ("a\x00b", "NUL"), ("a\nb", "a line break")],
)
async def test_the_search_refuses_text_outside_its_constraints(live: LiveApp, q: str, why: str):
    response = await live.client.get("/agents/search", params={"q": q})
    assert response.status_code == 422, f"search text {why}: expected 422, got {response.status_code} {response.text}"
