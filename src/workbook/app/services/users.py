from pwdlib import PasswordHash
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from workbook.app.models import User
from workbook.app.schemas import UserCreate
from workbook.app.services.errors import Conflict, NotFound


class UserService:
    def __init__(self, session: AsyncSession, *, hasher: PasswordHash) -> None:
        self.session = session
        self.hasher = hasher

    async def create(self, *, data: UserCreate) -> User:
        taken = Conflict(f"a user with email {data.email!r} already exists")
        if await self.session.scalar(select(User.id).where(User.email == data.email)) is not None:
            raise taken
        user = User(
            **data.model_dump(exclude={"password"}),
            hashed_password=self.hasher.hash(data.password),
        )
        self.session.add(user)
        try:
            await self.session.commit()
        except IntegrityError:
            # Another request took the email between our check and our insert: the unique
            # constraint is the real guard, the check above only gives the common case a
            # cheap answer.
            await self.session.rollback()
            raise taken from None
        return user

    async def get(self, *, user_id: int) -> User:
        user = await self.session.get(User, user_id)
        if user is None:
            raise NotFound(f"user {user_id} not found")
        return user
