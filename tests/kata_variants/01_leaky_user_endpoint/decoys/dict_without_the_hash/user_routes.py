"""Decoy: turn the row into a dict and delete the hash before returning it.

Wrong because the route still declares no response model: the body is clean today, but
OpenAPI documents nothing for the answer, and the next column added to User (a TOTP
secret, say) is sent to every client without anyone deciding it should be.
"""

from fastapi import APIRouter

from workbook.app.api.deps import UserServiceDep
from workbook.app.api.errors import NOT_FOUND

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/{user_id}", responses=NOT_FOUND)
async def read_user(user_id: int, users: UserServiceDep):
    """One user by id. 404 if there is none."""
    user = await users.get(user_id=user_id)
    data = {column.key: getattr(user, column.key) for column in user.__table__.columns}
    del data["hashed_password"]
    return data
