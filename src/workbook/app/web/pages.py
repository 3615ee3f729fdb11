"""The HTML of the app's pages, built from escaped parts.

Every value from the database is escaped (html.escape, quotes too) before it joins the
markup, except descriptions, which may carry markup and go through the renderer the route
was given (an allowlist sanitizer). Pages carry no script and send a Content-Security-Policy
that allows none: a second line of defence if something ever slips through.
"""

from collections.abc import Iterable
from html import escape

from workbook.app.models import Agent
from workbook.app.schemas import AgentStatus
from workbook.app.security.html import DescriptionRenderer

PAGE_CSP = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
STATUSES: tuple[AgentStatus, ...] = ("idle", "running", "paused", "archived")


def page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n<body>\n<h1>{escape(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def status_page(agents: Iterable[Agent], render_description: DescriptionRenderer) -> str:
    """Every agent: name, status, and its description as (sanitised) HTML."""
    items = "\n".join(
        f'<li id="agent-{agent.id}"><h2>{escape(agent.name)}</h2><p>Status: {escape(agent.status)}</p>'
        f'<div class="description">{render_description(agent.description or "")}</div></li>'
        for agent in agents
    )
    return page("Agents", f"<ul>\n{items}\n</ul>")


def my_agents_page(agents: Iterable[Agent], *, csrf_token: str, csrf_field: str) -> str:
    """The signed-in user's agents, each with a form that changes its status."""
    forms = "\n".join(
        f'<li><h2>{escape(agent.name)}</h2>'
        f'<form method="post" action="/web/agents/{agent.id}/status">'
        f'<input type="hidden" name="{csrf_field}" value="{escape(csrf_token)}">'
        f'<select name="status">{_options(agent.status)}</select> <button>Save</button></form></li>'
        for agent in agents
    )
    return page("My agents", f"<ul>\n{forms}\n</ul>")


def _options(current: str) -> str:
    return "".join(
        f'<option value="{status}"{" selected" if status == current else ""}>{status}</option>' for status in STATUSES
    )
