"""Kata 08 — the description that runs script.

Your render_description makes the descriptions on the public status page. Each test stores
descriptions through the API as an owner would, opens GET /status as any visitor would,
and parses the page (html.parser) into the elements a browser would build: nothing stored
may run script there, break out of its agent's entry, or hide the owner's words.
"""

from itertools import count
from typing import Any

import pytest

from workbook.app.api.security import get_description_renderer
from workbook.app.models import Agent
from workbook.live import LiveApp
from workbook.testing.attacks import XSS
from workbook.testing.html_page import Element, Page, read_status_page, script_problems


@pytest.fixture(scope="module")
async def live(kata):
    """The reference app with your render_description on its status page. One app for
    this file's tests; each test stores agents of its own."""
    render = kata.component("description_renderer").render_description
    async with await LiveApp.start(overrides={get_description_renderer: lambda: render}) as live:
        yield live


@pytest.fixture(scope="module")
async def owner(live: LiveApp) -> dict[str, Any]:
    """Who stores the descriptions (each test its own agents)."""
    return await live.create_user()


async def store(live: LiveApp, owner: dict[str, Any], descriptions: list[str]) -> dict[str, str]:
    """One agent per description, stored through POST /agents; {item id on the page: description}."""
    stored = {}
    for description in descriptions:
        agent = await live.create_agent(owner["id"], description=description)
        stored[f"agent-{agent['id']}"] = description
    return stored


NUMBERS = count(1)  # names are unique per owner


async def store_many(live: LiveApp, owner: dict[str, Any], descriptions: list[str]) -> dict[str, str]:
    """Like ``store``, in one transaction straight into the table (the rows POST /agents
    would make, without a request per payload)."""
    async with live.session() as session:
        agents = [Agent(owner_id=owner["id"], name=f"stored {next(NUMBERS)}", description=d) for d in descriptions]
        session.add_all(agents)
        await session.commit()
        return {f"agent-{agent.id}": description for agent, description in zip(agents, descriptions)}


def page_problems(page: Page, stored: dict[str, str]) -> list[str]:
    """What on the page could run script, said with the description it came from."""
    found = []
    for element in page.elements:
        if element.agent is None and is_the_pages_charset(element):
            continue
        for problem in script_problems(element):
            if element.agent in stored:
                found.append(f"{problem}, from the description {stored[element.agent]!r}")
            elif element.agent is None:
                found.append(f"{problem} outside every agent's entry (a description broke out of its own)")
    return found


def is_the_pages_charset(element: Element) -> bool:
    return element.tag == "meta" and element.attrs == {"charset": "utf-8"}


async def test_a_stored_img_onerror_does_not_reach_the_page(live, owner):
    stored = await store(live, owner, ["<img src=x onerror=alert(1)>"])
    html, page = await read_status_page(live.client)
    problems = page_problems(page, stored)
    entry = next((line for line in html.splitlines() if next(iter(stored)) in line), html)
    inert = not problems
    assert inert, (
        "GET /status carries " + "; ".join(problems) + ". A browser runs it for every "
        f"visitor of the page. The agent's entry reads:\n    {entry}"
    )


async def test_no_stored_payload_can_run_script(live, owner):
    stored = await store_many(live, owner, XSS)
    html, page = await read_status_page(live.client)
    problems = page_problems(page, stored)
    shown = problems[:15] + ([f"... and {len(problems) - 15} more"] if len(problems) > 15 else [])
    inert = not problems
    assert inert, (
        "after these descriptions were stored, GET /status carries what could run script or take "
        f"over the page (script tags, event handlers, script URLs, frames, styles, forms), {len(problems)} in all:\n  "
        + "\n  ".join(shown)
    )
    missing = set(stored) - page.agent_items()
    assert not missing, (
        f"the entries {sorted(missing)} of agents that were stored are not on the page as "
        "entries of their own: a description before them broke out of its element"
    )


async def test_the_owners_words_still_show(live, owner):
    """Plain text with characters that mean something in HTML: visitors read it as written."""
    stored = await store_many(live, owner, ["Fish & chips: 3 < 4 and 5 > 4", "Tom's <3 for \"quoted\" words"])
    _, page = await read_status_page(live.client)
    wrong = [
        f"{text!r} reads {page.descriptions.get(item, '')!r}"
        for item, text in stored.items()
        if page.descriptions.get(item, "") != text
    ]
    readable = not wrong
    assert readable, (
        "the status page must still show what the owner wrote (escaped or cleaned, the words "
        "stay readable); a visitor reads:\n  " + "\n  ".join(wrong)
    )
