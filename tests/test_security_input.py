"""Constrained input: the first gate. Control characters and NUL never reach the database
(PostgreSQL cannot store NUL: without the gate, such an input is a 500 there and a stored
oddity on SQLite); lengths are bounded. And the search query is a seam: a query built by
formatting the text into SQL is caught by the same checks the injection corpus uses."""

import pytest
from sqlalchemy import select, text

from workbook.testing.attacks import statements_sent
from workbook.app.api.deps import get_agent_search_query
from workbook.app.models import Agent
from workbook.live import LiveApp

pytestmark = pytest.mark.database


@pytest.mark.parametrize(
    "body, why",
    [
        ({"name": "a\x00b"}, "NUL in a name"),
        ({"name": "two\nlines"}, "a line break in a name"),
        ({"name": "bell\x07"}, "a control character in a name"),
        ({"name": "x" * 101}, "a name over 100 characters"),
        ({"name": "ok", "description": "a\x00b"}, "NUL in a description"),
        ({"name": "ok", "description": "x" * 2001}, "a description over 2000 characters"),
        ({"name": "ok", "agent_metadata": {"k": {"deep": ["a\x00b"]}}}, "NUL deep in the metadata"),
        ({"name": "ok", "agent_metadata": {"a\x00b": 1}}, "NUL in a metadata key"),
    ],
)
async def test_agent_text_outside_the_rules_is_refused(live: LiveApp, body, why):
    owner = await live.create_user()
    response = await live.client.post("/agents", json=body, headers=await live.auth_headers(owner))
    assert response.status_code == 422, f"{why}: expected 422, got {response.status_code} {response.text}"


async def test_a_description_may_have_several_lines(live: LiveApp):
    owner = await live.create_user()
    agent = await live.create_agent(owner["id"], description="first line\n\tsecond line\r\n")
    assert agent["description"] == "first line\n\tsecond line\r\n"


@pytest.mark.parametrize(
    "body, why",
    [
        ({"email": "a\x00@example.com", "password": "long enough"}, "NUL in an email"),
        ({"email": "a@example.com\n", "password": "long enough"}, "a line break in an email"),
        ({"email": "a@example.com", "full_name": "A\x00", "password": "long enough"}, "NUL in a full name"),
    ],
)
async def test_user_text_outside_the_rules_is_refused(live: LiveApp, body, why):
    response = await live.client.post("/users", json=body)
    assert response.status_code == 422, f"{why}: expected 422, got {response.status_code} {response.text}"


async def test_logging_in_with_nul_in_the_email_is_a_plain_401(live: LiveApp):
    response = await live.client.post("/auth/token", data={"username": "a\x00@example.com", "password": "whatever"})
    assert response.status_code == 401, response.text


def formatted_into_sql(text_searched: str):
    """What not to do: the text becomes part of the SQL."""
    return select(Agent).from_statement(text(f"SELECT * FROM agents WHERE name LIKE '%{text_searched}%'"))


async def test_a_search_query_that_formats_the_text_into_sql_is_caught():
    """The checks of the injection corpus do fail on an injectable query plugged into the
    seam: every row comes back, and the payload is in the SQL text."""
    async with await LiveApp.start(overrides={get_agent_search_query: lambda: formatted_into_sql}) as live:
        owner = await live.create_user()
        for name in ("Alpha", "Beta"):
            await live.create_agent(owner["id"], name=name)
        payload = "' OR '1'='1"
        with statements_sent(live) as sent:
            response = await live.client.get("/agents/search", params={"q": payload})
    assert response.status_code == 200, response.text
    assert [agent["name"] for agent in response.json()] == ["Alpha", "Beta"], response.text
    assert any(payload in statement for statement in sent), sent
