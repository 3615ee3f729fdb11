"""Alternative: a public schema written next to the route, used as response_model.

Right because any schema that lists only the public fields works the same way: FastAPI
validates the row into it and documents it. (In a real codebase, reuse the one
UserPublic in app/schemas rather than growing a second copy.)
"""

from fastapi import APIRouter
from pydantic import BaseModel

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND

router = APIRouter(prefix="/users", tags=["users"])


class UserProfile(BaseModel):
    id: int
    email: str
    full_name: str


@router.get("/{user_id}", response_model=UserProfile, responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    return await users.get(user_id=user_id)
