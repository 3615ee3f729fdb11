"""Agents: CRUD and their JSON metadata document.

Anyone may read agents; creating one needs a signed-in user (its owner), and changing or
deleting one needs its owner: 401 without a valid access token, 403 for someone else's.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from workbook.app.api.deps import AgentServiceDep, CurrentUser, ScoringClientDep
from workbook.app.api.errors import CONFLICT, FORBIDDEN, NOT_FOUND, UNAUTHORIZED
from workbook.app.api.security import RATE_LIMITED, rate_limited
from workbook.app.schemas import AgentCreate, AgentPublic, AgentUpdate, AgentWithOwner, MetadataUpdate
from workbook.app.schemas.text import SINGLE_LINE
from workbook.app.schemas.ids import RowId

router = APIRouter(prefix="/agents", tags=["agents"])


OWNER_ONLY = UNAUTHORIZED | FORBIDDEN | NOT_FOUND


@router.post("", response_model=AgentPublic, status_code=status.HTTP_201_CREATED, responses=UNAUTHORIZED | CONFLICT)
async def create_agent(data: AgentCreate, user: CurrentUser, agents: AgentServiceDep):
    """Create an agent owned by the signed-in user. 409 if they already have an agent of
    that name."""
    return await agents.create(owner_id=user.id, data=data)


@router.get("", response_model=list[AgentPublic])
async def list_agents(agents: AgentServiceDep, owner_id: RowId | None = None):
    """All agents, oldest first; `owner_id` narrows to one owner's."""
    return await agents.list(owner_id=owner_id)


@router.get("/with-owners", response_model=list[AgentWithOwner])
async def list_agents_with_owners(agents: AgentServiceDep):
    """All agents with their owners' public profiles, in two queries however many."""
    return await agents.list_with_owners()


@router.get(
    "/search", response_model=list[AgentPublic], responses=RATE_LIMITED, dependencies=[Depends(rate_limited("search"))]
)
async def search_agents(
    agents: AgentServiceDep, q: Annotated[str, Query(min_length=1, max_length=100, pattern=SINGLE_LINE)]
):
    """Agents whose name or description contains `q` (any case), oldest first. Rate
    limited per user (signed in) or per client address."""
    return await agents.search(text=q)


@router.get("/{agent_id}", response_model=AgentPublic, responses=NOT_FOUND)
async def read_agent(agent_id: RowId, agents: AgentServiceDep):
    """One agent by id. 404 if there is none."""
    return await agents.get(agent_id=agent_id)


@router.patch("/{agent_id}", response_model=AgentPublic, responses=OWNER_ONLY | CONFLICT)
async def update_agent(agent_id: RowId, data: AgentUpdate, user: CurrentUser, agents: AgentServiceDep):
    """Change the fields sent; the others keep their values. Owner only. 409 on a name the
    owner already uses."""
    return await agents.update(agent_id=agent_id, user_id=user.id, data=data)


@router.delete("/{agent_id}", status_code=status.HTTP_204_NO_CONTENT, responses=OWNER_ONLY)
async def delete_agent(agent_id: RowId, user: CurrentUser, agents: AgentServiceDep) -> None:
    """Delete an agent. Owner only; 404 if there is none."""
    await agents.delete(agent_id=agent_id, user_id=user.id)


@router.patch("/{agent_id}/metadata", response_model=AgentPublic, responses=OWNER_ONLY | CONFLICT)
async def set_agent_metadata(agent_id: RowId, change: MetadataUpdate, user: CurrentUser, agents: AgentServiceDep):
    """Set one key of the agent's metadata, nested as `path` says; missing levels are
    created. Owner only. 409 if a level on the path holds something other than an object."""
    return await agents.set_metadata(agent_id=agent_id, user_id=user.id, path=change.path, value=change.value)


@router.get("/{agent_id}/score", responses=NOT_FOUND)
async def score_agent(agent_id: RowId, agents: AgentServiceDep, client: ScoringClientDep) -> dict[str, int]:
    """The legacy scoring service's score for this agent (a slow, blocking call, made
    without blocking the event loop)."""
    return {"agent_id": agent_id, "score": await agents.score(agent_id=agent_id, client=client)}
