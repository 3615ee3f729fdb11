"""Decoy: a response model that mirrors the table, with the hash excluded per route.

Wrong because response_model_exclude filters the body only: OpenAPI still documents the
internal model, hashed_password included, as what the endpoint returns. And every other
route using that model must remember the same exclude.
"""

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND

router = APIRouter(prefix="/users", tags=["users"])


class UserInternal(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    full_name: str
    hashed_password: str
    is_active: bool


@router.get(
    "/{user_id}",
    response_model=UserInternal,
    response_model_exclude={"hashed_password"},
    responses=NOT_FOUND,
)
async def read_user(user_id: int, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    return await users.get(user_id=user_id)
