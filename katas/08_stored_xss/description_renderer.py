"""Your component: how the public status page (GET /status) shows an agent's description.

Agents' owners write their descriptions through the API (POST/PATCH /agents), and the
page puts ``render_description(description)`` inside the agent's entry, as HTML. Anyone
may open the page, signed in or not.
"""


def render_description(description: str) -> str:
    """The description as HTML for the status page. Owners may use a little markup (bold,
    italics, links) and it shows as such."""
    return description
