"""Alternative: convert to UserPublic explicitly and annotate the return type.

Right because the annotation makes UserPublic the response model (filtered body, documented
schema), and the explicit model_validate (which needs from_attributes=True on UserPublic)
keeps the code honest for a type checker too.
"""

from fastapi import APIRouter

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND
from workbook.app.schemas import UserPublic

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}", responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep) -> UserPublic:
    """One user by id. 404 if there is none."""
    return UserPublic.model_validate(await users.get(user_id=user_id))
