"""Your component: the endpoint that shows one user's profile.

The app includes this router ahead of its own, so your GET /users/{user_id} is the one that
answers. What it returns goes to anyone who may read a profile; what OpenAPI says it
returns is the contract clients and generated SDKs are built on. Both should hold the
public profile, and nothing more.
"""

from fastapi import APIRouter

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}", responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    return await users.get(user_id=user_id)
