"""Kata 02 — the fat route.

The rule "an owner's agents have distinct names" must hold for every caller of the
registry: the HTTP route, and code that calls the service directly — a CLI job, a
WebSocket handler, a test. These tests call the service both ways, on the live app's
database, and check that the service stays free of FastAPI.
"""

import ast
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException

from workbook.app.models import Agent
from workbook.app.services.errors import DomainError
from workbook.live import LiveApp

PATH = "/registry/agents"


@pytest.fixture(scope="module")
def registry_module(kata) -> ModuleType:
    """Your agent_registry.py, freshly imported."""
    return kata.component("agent_registry")


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your router mounted (under /registry/agents). One app for
    this file's tests; each test makes owners of its own."""
    routes = kata.component("agent_routes")  # it imports agent_registry.py, next to it
    async with await LiveApp.start(routers=[routes.router]) as live:
        yield live


async def new_owner(live: LiveApp) -> int:
    return (await live.create_user())["id"]


async def register(live: LiveApp, owner_id: int, name: str) -> httpx.Response:
    """POST /registry/agents; an exception that escapes the app becomes a readable failure."""
    body = {"owner_id": owner_id, "name": name}
    try:
        return await live.client.post(PATH, json=body)
    except Exception as exc:
        raise AssertionError(
            f"POST {PATH} {body} crashed inside the app with {type(exc).__name__}: {first_line(exc)}. "
            f"A client would get 500 Internal Server Error. An error the service raises on "
            f"purpose must reach the client as a status code: the app's exception handler "
            f"maps workbook.app.services.errors.Conflict to 409 (and NotFound to 404)."
        ) from None


def first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [""])[0]


async def stored_count(live: LiveApp, owner_id: int, name: str) -> int:
    """How many agents called ``name`` the owner has in the database (a fresh session)."""
    async with live.session() as fresh:
        query = select(func.count()).select_from(Agent).where(Agent.owner_id == owner_id, Agent.name == name)
        return await fresh.scalar(query)


async def test_the_service_itself_refuses_a_duplicate_name(live, registry_module):
    owner = await new_owner(live)
    call = f"AgentRegistry(session).create(owner_id={owner}, name='scout')"
    async with live.session() as session:
        registry = registry_module.AgentRegistry(session)
        await registry.create(owner_id=owner, name="scout")
        try:
            await registry.create(owner_id=owner, name="scout")
        except DomainError:
            pass
        except HTTPException as exc:
            raise AssertionError(
                f"Called {call} twice, straight on a session, as a CLI job or a WebSocket "
                f"handler would (no HTTP request anywhere). The second call raised "
                f"{type(exc).__name__}({exc.status_code}): an HTTP answer from a service. "
                f"Outside a route nothing turns it into a response, and a caller that "
                f"handles the app's domain errors (workbook.app.services.errors.DomainError) "
                f"does not catch it. Expected a DomainError, such as Conflict."
            ) from None
        except IntegrityError as exc:
            raise AssertionError(
                f"Called {call} twice, straight on a session, as a CLI job or a WebSocket "
                f"handler would (no HTTP request anywhere). The second call raised "
                f"{type(exc).__name__}: only the database's unique constraint stopped the "
                f"duplicate, with a driver error. The rule 'an owner's agents have distinct "
                f"names' is not in the service, so every caller but the HTTP route bypasses it "
                f"(and a route that reached the constraint would answer 500). Expected a domain "
                f"error: a workbook.app.services.errors.DomainError, such as Conflict."
            ) from None
        except Exception as exc:
            raise AssertionError(
                f"Called {call} twice, straight on a session (no HTTP request anywhere). The "
                f"second call raised {type(exc).__name__} ({type(exc).__module__}): {exc}. "
                f"Services signal a broken rule with a domain error, a "
                f"workbook.app.services.errors.DomainError such as Conflict: that is what "
                f"callers catch, and what the app's exception handler maps to a status code "
                f"(anything else becomes a 500)."
            ) from None
        else:
            stored = await stored_count(live, owner, "scout")
            raise AssertionError(
                f"Called {call} twice, straight on a session (no HTTP request anywhere): the "
                f"second call returned without an error (a fresh session now finds {stored} "
                f"agent(s) named 'scout' for owner {owner}). The caller cannot tell that the "
                f"name was taken: the rule 'an owner's agents have distinct names' must be "
                f"enforced, and reported, by the service for every caller, not only by the "
                f"route. Expected a domain error: a workbook.app.services.errors.DomainError, "
                f"such as Conflict."
            )
        try:
            await registry.create(owner_id=owner, name="scout-2")
        except Exception as exc:
            raise AssertionError(
                f"After refusing the duplicate 'scout', the same AgentRegistry (same session) "
                f"could not register 'scout-2': {type(exc).__name__}: {first_line(exc)}. A caller that "
                f"skips a duplicate and goes on (an import job) needs the session usable: "
                f"when a commit fails, roll the session back before raising."
            ) from None
    stored = await stored_count(live, owner, "scout")
    assert stored == 1, f"after the refused duplicate, a fresh session finds {stored} agents named 'scout' for owner {owner}; expected 1"


async def test_a_duplicate_name_over_http_answers_409(live):
    owner = await new_owner(live)
    first = await register(live, owner, "ranger")
    assert first.status_code == 201, f"registering 'ranger' for a new owner answered {first.status_code}: {first.text}"
    second = await register(live, owner, "ranger")
    assert second.status_code == 409, (
        f"registered 'ranger' twice for owner {owner} over HTTP: expected 409 Conflict for the "
        f"second, got {second.status_code}: {second.text}"
    )
    detail = second.json().get("detail")
    assert isinstance(detail, str) and "ranger" in detail, (
        f"the 409 should tell the client which name is taken (its detail should mention "
        f"'ranger'); the body was {second.text}"
    )
    stored = await stored_count(live, owner, "ranger")
    assert stored == 1, f"after the 409, a fresh session finds {stored} agents named 'ranger' for owner {owner}; expected 1"


async def test_two_owners_may_share_a_name(live, registry_module):
    ada, bob = await new_owner(live), await new_owner(live)
    for owner in (ada, bob):
        response = await register(live, owner, "pilot")
        assert response.status_code == 201, (
            f"owners {ada} and {bob} each registered an agent named 'pilot' over HTTP: names "
            f"are unique per owner, not across owners, so both must be created (201). For "
            f"owner {owner} it answered {response.status_code}: {response.text}"
        )
    carol = await new_owner(live)
    async with live.session() as session:
        try:
            await registry_module.AgentRegistry(session).create(owner_id=carol, name="pilot")
        except Exception as exc:
            raise AssertionError(
                f"AgentRegistry(session).create(owner_id={carol}, name='pilot') for a new "
                f"owner raised {type(exc).__name__}: {exc}. Other owners' agents called "
                f"'pilot' must not count: names are unique per owner."
            ) from None


async def test_listing_shows_one_owner_agents_in_order(live):
    owner, other = await new_owner(live), await new_owner(live)
    for owner_id, name in ((owner, "alpha"), (other, "gamma"), (owner, "beta")):
        response = await register(live, owner_id, name)
        assert response.status_code == 201, f"registering {name!r} answered {response.status_code}: {response.text}"
    response = await live.client.get(PATH, params={"owner_id": owner})
    assert response.status_code == 200, f"GET {PATH}?owner_id={owner} answered {response.status_code}: {response.text}"
    names = [agent["name"] for agent in response.json()]
    assert names == ["alpha", "beta"], (
        f"GET {PATH}?owner_id={owner} listed {names}; expected the owner's agents, oldest "
        f"first: ['alpha', 'beta']"
    )


FORBIDDEN = ("fastapi", "starlette", "workbook.app.api")


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_the_service_module_does_not_import_fastapi(registry_module):
    path = Path(registry_module.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    web = [
        (line, module)
        for line, module in imported_modules(tree)
        if any(module == root or module.startswith(root + ".") for root in FORBIDDEN)
    ]
    assert not web, (
        f"{path.name} imports {', '.join(f'{module} (line {line})' for line, module in web)}. "
        f"A service must not depend on the web layer: it is also called where there is no "
        f"HTTP request (a CLI job, a WebSocket handler, a test), and there an HTTPException "
        f"is just an exception nobody turns into a response. Raise a domain error "
        f"(workbook.app.services.errors) and let the API layer map it to a status code."
    )
