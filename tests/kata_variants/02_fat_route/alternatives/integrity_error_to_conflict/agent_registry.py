"""Alternative: no SELECT first; insert, and turn the unique constraint's IntegrityError
into Conflict (after rolling back).

Right because the rule is enforced inside the service for every caller, by the database
constraint that also wins races, and reported as a domain error the app maps to 409; the
rollback leaves the session usable for the caller's next call.
"""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import Agent
from workbook.app.services.errors import Conflict


class AgentRegistry:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, owner_id: int, name: str) -> Agent:
        agent = Agent(owner_id=owner_id, name=name)
        self.session.add(agent)
        try:
            await self.session.commit()
        except IntegrityError:
            await self.session.rollback()
            raise Conflict(f"owner {owner_id} already has an agent named {name!r}") from None
        return agent

    async def list(self, *, owner_id: int) -> Sequence[Agent]:
        query = select(Agent).where(Agent.owner_id == owner_id).order_by(Agent.id)
        return (await self.session.scalars(query)).all()
