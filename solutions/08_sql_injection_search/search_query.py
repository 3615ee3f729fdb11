"""Your component: the SQL behind GET /agents/search?q=...

The agent service runs the statement ``agents_matching(text)`` returns and answers its
rows. ``text`` is whatever the caller typed (up to 100 characters, one line).
"""

from sqlalchemy import Executable, or_, select

from workbook.app.models import Agent


def agents_matching(text: str) -> Executable:
    """Agents whose name or description contains ``text``, ignoring case, oldest first.
    The text is matched as typed: a `%` or `_` in it matches that character only."""
    # The text goes to the database as a bound parameter, never inside the SQL;
    # autoescape=True escapes LIKE's wildcards in it.
    return (
        select(Agent)
        .where(or_(Agent.name.icontains(text, autoescape=True), Agent.description.icontains(text, autoescape=True)))
        .order_by(Agent.id)
    )
