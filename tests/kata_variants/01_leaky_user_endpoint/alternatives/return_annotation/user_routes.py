"""Alternative: declare the answer with the return annotation instead of response_model.

Right because, with no response_model given, FastAPI takes the return annotation as the
response model: it validates the returned row into UserPublic (reading attributes), sends
only its fields, and documents UserPublic in OpenAPI. (A type checker objects that a User
is returned where UserPublic is declared; the model_validate alternative avoids that.)
"""

from fastapi import APIRouter

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND
from workbook.app.schemas import UserPublic

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}", responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep) -> UserPublic:
    """One user by id. 404 if there is none."""
    return await users.get(user_id=user_id)
