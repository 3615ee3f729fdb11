"""Alternative: an internal model whose hash field is marked Field(exclude=True).

Right because Pydantic leaves an excluded field out of both the serialised answer and
the serialisation JSON schema FastAPI publishes, so body and OpenAPI hold the public
fields only. Still, a separate public schema says the same thing more plainly.
"""

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND

router = APIRouter(prefix="/users", tags=["users"])


class UserRecord(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    full_name: str
    hashed_password: str = Field(exclude=True)


@router.get("/{user_id}", response_model=UserRecord, responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    return await users.get(user_id=user_id)
