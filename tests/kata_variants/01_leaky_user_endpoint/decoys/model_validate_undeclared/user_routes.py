"""Decoy: convert to UserPublic inside the route, but declare nothing.

Wrong because FastAPI learns a route's answer from response_model or the return
annotation, never from the value returned at run time: the body is right, yet OpenAPI
documents an empty schema, and nothing stops a later edit from returning the row again.
"""

from fastapi import APIRouter

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND
from workbook.app.schemas import UserPublic

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}", responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    return UserPublic.model_validate(await users.get(user_id=user_id))
