"""Alternative: keep the hand-written SQL, with the pattern as a bound parameter.

Right because text() turns `:pattern` into the driver's placeholder (`?`, `$1`) and sends
the value beside the statement: the database never parses it as SQL. LIKE's own wildcards
and the escape character are escaped in the value, and ESCAPE names that character.
"""

from sqlalchemy import Executable, select, text as sql

from workbook.app.models import Agent

SEARCH = sql(
    "SELECT * FROM agents"
    " WHERE lower(name) LIKE :pattern ESCAPE '/' OR lower(description) LIKE :pattern ESCAPE '/'"
    " ORDER BY id"
)


def agents_matching(text: str) -> Executable:
    escaped = text.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    return select(Agent).from_statement(SEARCH.bindparams(pattern=f"%{escaped}%"))
