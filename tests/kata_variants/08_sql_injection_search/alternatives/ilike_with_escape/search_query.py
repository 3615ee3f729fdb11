"""Alternative: ilike with a pattern escaped by hand.

Right because the ORM binds the pattern as a parameter, and escaping `/`, `%` and `_`
(escape="/" tells the database which character escapes) makes the text match as typed.
ilike is ILIKE on PostgreSQL and lower(...) LIKE lower(...) elsewhere.
"""

from sqlalchemy import Executable, or_, select

from workbook.app.models import Agent


def agents_matching(text: str) -> Executable:
    escaped = text.replace("/", "//").replace("%", "/%").replace("_", "/_")
    pattern = f"%{escaped}%"
    return (
        select(Agent)
        .where(or_(Agent.name.ilike(pattern, escape="/"), Agent.description.ilike(pattern, escape="/")))
        .order_by(Agent.id)
    )
