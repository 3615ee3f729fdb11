"""Alternative: response_model=UserPublic, with the return annotated as the ORM User.

Right because when both are given, response_model wins: FastAPI filters and documents
UserPublic, while the annotation tells a type checker the truth about what the function
returns. (An ORM class as the annotation alone would fail at import: it is no Pydantic type.)
"""

from fastapi import APIRouter

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND
from workbook.app.models import User
from workbook.app.schemas import UserPublic

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}", response_model=UserPublic, responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep) -> User:
    """One user by id. 404 if there is none."""
    return await users.get(user_id=user_id)
