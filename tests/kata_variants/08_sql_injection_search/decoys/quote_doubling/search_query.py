"""Decoy: double every quote in the text, then format it into the SQL as before.

Wrong because the text is still part of the SQL: its safety rests on this one quoting rule
matching the database's parser in every dialect, mode and encoding (backslash escapes in
MySQL, look-alike quotes converted by a driver, a second context such as an identifier or a
LIKE pattern, where `%` and `_` still act). The tests see the searched word in the SQL text,
and a `%` still matching everything.
"""

from sqlalchemy import Executable, select, text as sql

from workbook.app.models import Agent


def agents_matching(text: str) -> Executable:
    pattern = f"%{text.lower()}%".replace("'", "''")
    return select(Agent).from_statement(
        sql(f"SELECT * FROM agents WHERE lower(name) LIKE '{pattern}' OR lower(description) LIKE '{pattern}' ORDER BY id")
    )
