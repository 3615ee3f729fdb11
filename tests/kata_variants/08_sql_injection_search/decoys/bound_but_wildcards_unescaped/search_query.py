"""Decoy: the ORM's icontains, without autoescape.

Wrong because, although the text now travels as a bound parameter (no SQL injection), it
is still a LIKE pattern: a `%` in it matches anything and an `_` any one character, so a
search for "%" returns every agent. autoescape=True (or escaping `%`, `_` and the escape
character yourself, with escape=) makes them match themselves.
"""

from sqlalchemy import Executable, or_, select

from workbook.app.models import Agent


def agents_matching(text: str) -> Executable:
    return select(Agent).where(or_(Agent.name.icontains(text), Agent.description.icontains(text))).order_by(Agent.id)
