"""Kata 08 — the search that returns every row.

Your agents_matching builds the statement behind GET /agents/search. The tests search the
live app as a client would, over a small catalogue of agents, and record the SQL text of
every statement the app sends (a before_cursor_execute listener on its engine): the right
agents must come back, whatever was typed, and what was typed must never be part of the
SQL text. It belongs beside the statement, as a bound parameter.
"""

from dataclasses import dataclass

import pytest

from workbook.app.api.deps import get_agent_search_query
from workbook.app.models import Agent
from workbook.live import LiveApp
from workbook.testing.answers import Answer, answer, crashes_told_once
from workbook.testing.attacks import SQL_INJECTION_KINDS, statements_sent

CATALOGUE = [  # (name, description); no test changes them
    ("Alpha scout", "finds the way"),
    ("Beta", "50% done"),
    ("O'Brien's helper", "files the reports"),
    ("Gamma", None),
]


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your agents_matching as its search query, and the
    catalogue's agents in its database. One app for this file's tests, which only read."""
    query = kata.component("search_query").agents_matching
    async with await LiveApp.start(overrides={get_agent_search_query: lambda: query}) as live:
        owner = await live.create_user()
        async with live.session() as session:  # straight into the table: one transaction
            session.add_all(Agent(owner_id=owner["id"], name=n, description=d) for n, d in CATALOGUE)
            await session.commit()
        with crashes_told_once():  # SQL built from text fails often: each failure says how
            yield live


@dataclass
class Search:
    text: str
    answer: Answer
    sql: list[str]  # the SQL text of every statement sent while it ran

    def names(self) -> list[str]:
        return [agent["name"] for agent in self.answer.json()]


async def search(live: LiveApp, text: str) -> Search:
    with statements_sent(live) as sent:
        seen = await answer(live.client, "GET", "/agents/search", params={"q": text})
    return Search(text, seen, sent)


def containing(text: str) -> list[str]:
    """The catalogue's agents whose name or description contains ``text``, in any case."""
    return [name for name, description in CATALOGUE if text.lower() in f"{name}\n{description or ''}".lower()]


def assert_finds(found: Search, expected: list[str]) -> None:
    asked = f"GET /agents/search?q={found.text!r}"
    status = found.answer.status
    assert status == 200, f"{asked} answered {found.answer}; expected 200 with the agents {expected}"
    names = found.names()
    every = " That is every agent: the text was read as more than text." if names == [n for n, _ in CATALOGUE] else ""
    assert names == expected, (
        f"{asked} found {names}; expected {expected}, the agents whose name or description "
        f"contains that text.{every}"
    )


async def test_a_word_finds_names_and_descriptions_in_any_case(live):
    assert_finds(await search(live, "SCOUT"), ["Alpha scout"])
    assert_finds(await search(live, "Reports"), ["O'Brien's helper"])


async def test_a_quote_in_the_text_cannot_widen_the_search(live):
    """No agent contains this text, so none may come back."""
    assert_finds(await search(live, "' OR '1'='1"), [])


async def test_an_apostrophe_is_searched_as_typed(live):
    assert_finds(await search(live, "o'brien"), ["O'Brien's helper"])


async def test_percent_and_underscore_match_only_themselves(live):
    """In LIKE, `%` means "anything" and `_` "any one character": typed into a search
    box, they mean a percent sign and an underscore."""
    assert_finds(await search(live, "%"), ["Beta"])
    assert_finds(await search(live, "_"), [])


async def test_the_searched_text_is_never_part_of_the_sql(live):
    """Not an attack, not a word: what was typed goes beside the SQL, never into it."""
    for text in ["scout", "o'brien"]:
        found = await search(live, text)
        assert found.sql, f"searching {text!r} sent no statement at all ({found.answer})"
        leaked = [statement for statement in found.sql if text.lower() in statement.lower()]
        kept_out = not leaked
        assert kept_out, (
            f"searching {text!r} sent this SQL text to the database:\n    " + "\n    ".join(leaked) + "\n"
            "The text the caller typed is part of the statement, so the database parses it as SQL. "
            "It must travel as a bound parameter (a placeholder in the SQL, the value beside it), "
            "however it was cleaned first."
        )


async def test_injection_payloads_find_only_real_matches(live):
    """Quotes, comments, a UNION, a stacked statement, wildcards, bind markers: one payload
    of each kind, each a search like any other. 422 (the route refuses a control character) is
    fine; a 500 or a row that does not contain the text is not."""
    failures = []
    for payload in SQL_INJECTION_KINDS:
        found = await search(live, payload)
        if found.answer.status == 422:
            continue
        if found.answer.status != 200:
            failures.append(f"{payload!r}: answered {found.answer}")
        elif (names := found.names()) != containing(payload):
            failures.append(f"{payload!r}: found {names}")
    every = await answer(live.client, "GET", "/agents")
    all_found_nothing = not failures
    assert all_found_nothing, (
        "searching these texts found agents that do not contain them (expected none: no "
        "agent's name or description contains any of them), or crashed the app:\n"
        + "\n".join(failures)
    )
    assert [agent["name"] for agent in every.json()] == [name for name, _ in CATALOGUE], (
        f"after the payloads, the agents are {every}: a search changed the database"
    )
