"""The thin route of the Conflict-subclass alternative.

Right because the route only calls the service; the app's handler maps the subclass to 409."""

from typing import Annotated

from fastapi import APIRouter, Depends, status
from pydantic import BaseModel, Field

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
async def register_agent(data: AgentRegistration, registry: RegistryDep):
    return await registry.create(owner_id=data.owner_id, name=data.name)


@router.get("", response_model=list[AgentPublic])
async def list_agents(owner_id: int, registry: RegistryDep):
    return await registry.list(owner_id=owner_id)
