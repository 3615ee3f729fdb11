"""Decoy: accept only letters, digits, spaces and a little punctuation, refuse the rest
(no result), and format what passes into the SQL.

Wrong because validation is a first gate, not the fix: the text is still part of the SQL,
so the next widening of the allowed set (an apostrophe, for names like O'Brien) reopens the
hole; meanwhile honest searches are refused ("o'brien" finds nothing) and `%`, allowed as
punctuation, still matches everything.
"""

import re

from sqlalchemy import Executable, false, select, text as sql

from workbook.app.models import Agent

ALLOWED = re.compile(r"[\w\s.,%-]+")


def agents_matching(text: str) -> Executable:
    if not ALLOWED.fullmatch(text):
        return select(Agent).where(false())
    pattern = f"%{text.lower()}%"
    return select(Agent).from_statement(
        sql(f"SELECT * FROM agents WHERE lower(name) LIKE '{pattern}' OR lower(description) LIKE '{pattern}' ORDER BY id")
    )
