"""Stored XSS: a corpus of payloads stored as agent names and descriptions, then read
back through the HTML status page.

The page is parsed (html.parser, the standard library's HTML tokenizer) and every element
and attribute on it is checked: no element that can run script or load or submit anything,
no event handler, no style, no URL with a script scheme, and inside an agent's name and
description only inert formatting. The name, which allows no markup, must come back as
the very text that was stored. (Whether a real browser runs anything is checked in
Chromium elsewhere; this test is the fast one that names the element that got through.)
"""

import pytest

from workbook.live import LiveApp
from workbook.testing.attacks import XSS
from workbook.testing.html_page import SCRIPTING, Element, read_status_page, script_problems

pytestmark = pytest.mark.database

# Beyond what runs script: elements that load media or change the page's own structure.
# The page's own head has html/head/meta/title/body once each.
ACTIVE = SCRIPTING | {
    "video", "audio", "source", "track", "img", "image", "picture", "details", "dialog", "html", "head",
    "title", "body", "marquee", "canvas",
}  # fmt: skip
PAGE_OWN = {"html": 1, "head": 1, "meta": 1, "title": 1, "body": 1}
# What an agent's description may hold: formatting and links, nothing active.
INERT = {"p", "br", "b", "strong", "i", "em", "code", "pre", "ul", "ol", "li", "blockquote", "a"}
INERT_ATTRIBUTES = {"href", "title", "rel"}


def problems_of(element: Element) -> list[str]:
    # What could run script (the element check is the stricter one just below) ...
    found = [problem for problem in script_problems(element) if not problem.endswith(" element")]
    # ... and anything active at all, except the page's own head (counted in the test).
    if element.tag in ACTIVE and not (element.agent is None and element.tag in PAGE_OWN):
        found.append(f"<{element.tag}> element")
    if element.region == "description" and element.tag not in INERT:
        found.append(f"<{element.tag}> inside a description (only {sorted(INERT)} belong there)")
    if element.region == "description" and set(element.attrs) - INERT_ATTRIBUTES:
        found.append(f"attributes {sorted(set(element.attrs) - INERT_ATTRIBUTES)} on <{element.tag}> in a description")
    if element.region == "name":
        found.append(f"<{element.tag}> inside a name, which allows no markup")
    return found


async def status_page(live: LiveApp):
    return await read_status_page(live.client)


async def test_every_xss_payload_is_rendered_inert(live: LiveApp):
    owner = await live.create_user()
    stored = {}
    for payload in XSS:
        assert len(payload) <= 100, f"payload longer than a name may be: {payload!r}"
        agent = await live.create_agent(owner["id"], name=payload, description=payload)
        stored[f"agent-{agent['id']}"] = payload

    html, page = await status_page(live)

    failures = []
    for element in page.elements:
        for problem in problems_of(element):
            where = f"in {stored[element.agent]!r}" if element.agent else "outside every agent's item"
            failures.append(f"{problem} ({where})")
    counts = {tag: sum(element.tag == tag for element in page.elements) for tag in PAGE_OWN}
    if counts != PAGE_OWN:
        failures.append(f"the page's own head elements appear {counts} times, expected once each")
    items = {element.agent for element in page.elements if element.agent}
    if items != set(stored):
        failures.append(f"agent items on the page: {sorted(items)}; stored: {sorted(stored)} (did a payload break out?)")
    for agent, payload in stored.items():
        if page.names.get(agent) != payload:
            failures.append(f"name stored as {payload!r} reads {page.names.get(agent)!r} on the page")
    assert not failures, "stored payloads reached the status page active:\n" + "\n".join(failures) + f"\n\n{html}"


async def test_allowlisted_markup_survives_and_links_get_a_safe_rel(live: LiveApp):
    owner = await live.create_user()
    await live.create_agent(
        owner["id"], description='<p><b>Bold</b>, <em>stressed</em> and <a href="https://example.com/x">a link</a></p>'
    )
    _, page = await status_page(live)
    in_description = [element for element in page.elements if element.region == "description"]
    assert [element.tag for element in in_description] == ["p", "b", "em", "a"], in_description
    link = in_description[-1].attrs
    assert link["href"] == "https://example.com/x", link
    assert set(link["rel"].split()) >= {"noopener", "noreferrer"}, f"a user's link must not get a window.opener: {link}"


async def test_the_json_api_returns_the_description_as_stored(live: LiveApp):
    """Sanitising happens where HTML is made, not on the way in: the API gives back what was
    sent (a JSON client must escape it itself; it is data, not markup)."""
    owner = await live.create_user()
    agent = await live.create_agent(owner["id"], description=XSS[2])
    response = await live.client.get(f"/agents/{agent['id']}")
    assert response.json()["description"] == XSS[2], response.text


async def test_the_status_page_allows_no_script_even_if_some_slipped_through(live: LiveApp):
    response = await live.client.get("/status")
    policy = response.headers.get("content-security-policy", "")
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives.get("default-src") == ["'none'"] and "script-src" not in directives, (
        f"the page's Content-Security-Policy must allow no script at all; got {policy!r}"
    )
