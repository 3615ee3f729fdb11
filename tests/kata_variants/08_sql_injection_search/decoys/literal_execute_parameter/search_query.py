"""Decoy: a bindparam with literal_execute=True.

Wrong because literal_execute renders the value into the SQL text when the statement runs
(it exists for values some drivers cannot bind, such as a LIMIT on some dialects): the
text is quoted by SQLAlchemy's literal renderer and becomes part of the statement, which is
what a bound parameter was meant to avoid. The tests see the searched word in the SQL sent.
"""

from sqlalchemy import Executable, bindparam, func, or_, select

from workbook.app.models import Agent


def agents_matching(text: str) -> Executable:
    escaped = text.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    pattern = bindparam("pattern", f"%{escaped}%", literal_execute=True)
    return (
        select(Agent)
        .where(or_(func.lower(Agent.name).like(pattern, escape="/"), func.lower(Agent.description).like(pattern, escape="/")))
        .order_by(Agent.id)
    )
