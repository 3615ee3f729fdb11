"""Decoy: move the check out of the route body into a FastAPI dependency.

Looks tidier, but is wrong because a dependency is still part of the HTTP layer: only
requests that go through this route run it, and the service called directly still accepts
the duplicate (the database's constraint stops it with a raw IntegrityError).
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from agent_registry import AgentRegistry
from workbook.app.api.deps import SessionDep
from workbook.app.models import Agent
from workbook.app.schemas import AgentPublic


class AgentRegistration(BaseModel):
    owner_id: int
    name: str = Field(min_length=1, max_length=100)


def get_registry(session: SessionDep) -> AgentRegistry:
    return AgentRegistry(session)


async def name_is_free(data: AgentRegistration, session: SessionDep) -> AgentRegistration:
    taken = await session.scalar(
        select(Agent.id).where(Agent.owner_id == data.owner_id, Agent.name == data.name)
    )
    if taken is not None:
        raise HTTPException(
            status.HTTP_409_CONFLICT, f"owner {data.owner_id} already has an agent named {data.name!r}"
        )
    return data


RegistryDep = Annotated[AgentRegistry, Depends(get_registry)]
FreeName = Annotated[AgentRegistration, Depends(name_is_free)]

router = APIRouter(prefix="/registry/agents", tags=["registry"])


@router.post("", response_model=AgentPublic, status_code=status.HTTP_201_CREATED)
async def register_agent(data: FreeName, registry: RegistryDep):
    return await registry.create(owner_id=data.owner_id, name=data.name)


@router.get("", response_model=list[AgentPublic])
async def list_agents(owner_id: int, registry: RegistryDep):
    return await registry.list(owner_id=owner_id)
