"""Decoy: drop the route's SELECT, let the insert hit the unique constraint, and turn the
IntegrityError into a 409 in the route.

Wrong because the rule is still enforced in the route only (now by catching the database's
error there): the service, called directly, still lets a raw IntegrityError out to every
other caller.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from agent_registry import AgentRegistry
from workbook.app.api.deps import SessionDep
from workbook.app.schemas import AgentPublic


class AgentRegistration(BaseModel):
    owner_id: int
    name: str = Field(min_length=1, max_length=100)


def get_registry(session: SessionDep) -> AgentRegistry:
    return AgentRegistry(session)


RegistryDep = Annotated[AgentRegistry, Depends(get_registry)]

router = APIRouter(prefix="/registry/agents", tags=["registry"])


@router.post("", response_model=AgentPublic, status_code=status.HTTP_201_CREATED)
async def register_agent(data: AgentRegistration, registry: RegistryDep, session: SessionDep):
    try:
        return await registry.create(owner_id=data.owner_id, name=data.name)
    except IntegrityError:
        await session.rollback()
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"owner {data.owner_id} already has an agent named {data.name!r}"
        ) from None


@router.get("", response_model=list[AgentPublic])
async def list_agents(owner_id: int, registry: RegistryDep):
    return await registry.list(owner_id=owner_id)
