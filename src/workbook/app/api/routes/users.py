"""Users: the owners of agents."""

from fastapi import APIRouter, status

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import CONFLICT, NOT_FOUND
from workbook.app.schemas import UserCreate, UserPublic
from workbook.app.schemas.ids import RowId

router = APIRouter(prefix="/users", tags=["users"])


@router.post("", response_model=UserPublic, status_code=status.HTTP_201_CREATED, responses=CONFLICT)
async def create_user(data: UserCreate, users: UserServiceDep):
    """Create a user. 409 if the email is taken."""
    return await users.create(data=data)


@router.get("/{user_id}", response_model=UserPublic, responses=NOT_FOUND)
async def read_user(user_id: RowId, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    return await users.get(user_id=user_id)
