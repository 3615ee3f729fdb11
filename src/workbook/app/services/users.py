from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import User
from workbook.app.schemas import UserCreate
from workbook.app.services.errors import Conflict, NotFound


class UserService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, *, data: UserCreate) -> User:
        taken = await self.session.scalar(select(User.id).where(User.email == data.email))
        if taken is not None:
            raise Conflict(f"a user with email {data.email!r} already exists")
        user = User(**data.model_dump())
        self.session.add(user)
        await self.session.commit()
        return user

    async def get(self, *, user_id: int) -> User:
        user = await self.session.get(User, user_id)
        if user is None:
            raise NotFound(f"user {user_id} not found")
        return user
