"""The /status page read as a browser would build it, for the stored-XSS tests (the
project's and the kata's).

The page is parsed with html.parser (the standard library's HTML tokenizer) into its
elements, each labelled with the agent item it is in and whether it sits inside that
agent's name or description; ``script_problems`` names what on an element could run
script or take over the page.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import httpx

# Elements that run script, embed or load other documents, submit or restyle the page, or
# change how what follows is parsed. None may come from an agent.
SCRIPTING = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "link",
    "meta", "base", "form", "input", "button", "textarea", "select", "option", "template", "noscript",
    "xmp", "plaintext", "noembed", "noframes", "portal",
}  # fmt: skip
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    agent: str | None  # the id of the agent item it is in, if any
    region: str | None  # "name" or "description" when inside one


@dataclass
class Page(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # agent item id -> text of its <h2>
    descriptions: dict[str, str] = field(default_factory=dict)  # agent item id -> text of its description
    _open: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)  # attribute values and text come unescaped

    @classmethod
    def of(cls, html: str) -> "Page":
        page = cls()
        page.feed(html)
        page.close()
        return page

    def context(self) -> tuple[str | None, str | None]:
        agent = region = None
        for tag, attrs in self._open:
            if tag == "li" and attrs.get("id", "").startswith("agent-"):
                agent, region = attrs["id"], None
            elif agent and tag == "h2":
                region = "name"
            elif agent and tag == "div" and attrs.get("class") == "description":
                region = "description"
        return agent, region

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append(Element(tag, attributes, *self.context()))
        if tag not in VOID:
            self._open.append((tag, attributes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}, *self.context()))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._open) - 1, -1, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        agent, region = self.context()
        if agent and region == "name":
            self.names[agent] = self.names.get(agent, "") + data
        elif agent and region == "description":
            self.descriptions[agent] = self.descriptions.get(agent, "") + data

    def agent_items(self) -> set[str]:
        return {element.agent for element in self.elements if element.agent}


def url_scheme_is_script(value: str) -> bool:
    # Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    return squeezed.startswith(SCRIPT_SCHEMES)


def script_problems(element: Element) -> list[str]:
    """What on ``element`` (one that came from an agent) could run script or take over
    the page: a scripting element, an event handler, inline style or srcdoc, a URL with a
    script scheme."""
    found = []
    if element.tag in SCRIPTING:
        found.append(f"<{element.tag}> element")
    for name, value in element.attrs.items():
        if name.startswith("on"):
            found.append(f"event handler {name}={value!r} on <{element.tag}>")
        elif name in ("style", "srcdoc"):
            found.append(f"{name}={value!r} on <{element.tag}>")
        elif url_scheme_is_script(value):
            found.append(f"script URL {name}={value!r} on <{element.tag}>")
    return found


async def read_status_page(client: httpx.AsyncClient) -> tuple[str, Page]:
    """GET /status: its HTML and the page parsed."""
    response = await client.get("/status")
    assert response.status_code == 200, f"GET /status answered {response.status_code}: {response.text}"
    assert response.headers["content-type"].startswith("text/html"), response.headers
    return response.text, Page.of(response.text)
