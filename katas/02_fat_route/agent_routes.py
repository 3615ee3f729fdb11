"""Your component, part 2 of 2: the HTTP endpoints of the agent registry.

The kata's app mounts ``router`` under /registry/agents. A route's job is HTTP: read the
request, call the service, turn the result (or the service's error) into a response.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from agent_registry import AgentRegistry  # the service, in the file next to this one
from workbook.app.api.deps import SessionDep
from workbook.app.models import Agent
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
    """Register an agent. 409 if the owner already has an agent of that name."""
    taken = await session.scalar(
        select(Agent.id).where(Agent.owner_id == data.owner_id, Agent.name == data.name)
    )
    if taken is not None:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"owner {data.owner_id} already has an agent named {data.name!r}",
        )
    return await registry.create(owner_id=data.owner_id, name=data.name)


@router.get("", response_model=list[AgentPublic])
async def list_agents(owner_id: int, registry: RegistryDep):
    """One owner's agents, oldest first."""
    return await registry.list(owner_id=owner_id)
