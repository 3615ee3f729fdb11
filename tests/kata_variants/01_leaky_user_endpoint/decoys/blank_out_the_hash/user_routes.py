"""Decoy: overwrite the hash on the loaded row before returning it.

Wrong because the answer still has a hashed_password field (now "********"), OpenAPI still
documents nothing, and the route edits a row in the session: one commit later in the same
request (or an autoflush) would write the mask over the real hash and lock the user out.
"""

from fastapi import APIRouter

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}", responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    user = await users.get(user_id=user_id)
    user.hashed_password = "********"
    return user
