"""The agent search's query (chapter 08): the searched text stays data, never SQL.

The text travels to the database as a bound parameter (`?` / `$1` in the SQL, the value
beside it), so no quote, comment or keyword in it can change the statement. Building the
SQL by formatting the text into it (f-string, %, +) is the injection hole; doubling quotes
or stripping "dangerous" characters are patches that some encoding or dialect gets past.

AgentService.search takes another function of this shape (how a kata plugs one in): the
text in, a statement whose rows are Agent entities out.
"""

from collections.abc import Callable

from sqlalchemy import Executable, or_, select

from workbook.app.models import Agent

AgentSearchQuery = Callable[[str], Executable]


def agents_matching(text: str) -> Executable:
    """Agents whose name or description contains ``text``, ignoring case, oldest first.
    autoescape=True makes a `%` or `_` in the text match itself, not "anything"."""
    return (
        select(Agent)
        .where(or_(Agent.name.icontains(text, autoescape=True), Agent.description.icontains(text, autoescape=True)))
        .order_by(Agent.id)
    )
