"""Decoy: strip the characters an attack needs (quotes, semicolons, comment dashes), then
format the text into the SQL as before.

Wrong because a blocklist guesses what the attacker needs and breaks what users type: the
search for "o'brien" no longer finds O'Brien's agent, `%` still matches everything, and the
text is still part of the SQL (any character the list forgot, in this dialect or the next,
is an injection again).
"""

import re

from sqlalchemy import Executable, select, text as sql

from workbook.app.models import Agent


def agents_matching(text: str) -> Executable:
    cleaned = re.sub(r"['\";]|--", "", text.lower())
    pattern = f"%{cleaned}%"
    return select(Agent).from_statement(
        sql(f"SELECT * FROM agents WHERE lower(name) LIKE '{pattern}' OR lower(description) LIKE '{pattern}' ORDER BY id")
    )
