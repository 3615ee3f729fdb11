"""Your component: the SQL behind GET /agents/search?q=...

The agent service runs the statement ``agents_matching(text)`` returns and answers its
rows. ``text`` is whatever the caller typed (up to 100 characters, one line).
"""

from sqlalchemy import Executable, select, text as sql

from workbook.app.models import Agent


def agents_matching(text: str) -> Executable:
    """Agents whose name or description contains ``text``, ignoring case, oldest first.
    The text is matched as typed: a `%` or `_` in it matches that character only."""
    pattern = f"%{text.lower()}%"
    return select(Agent).from_statement(
        sql(f"SELECT * FROM agents WHERE lower(name) LIKE '{pattern}' OR lower(description) LIKE '{pattern}' ORDER BY id")
    )
