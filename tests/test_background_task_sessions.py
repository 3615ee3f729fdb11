"""When a request's session is closed, relative to its background tasks (FastAPI 0.165,
SQLAlchemy 2.1): the facts kata 11_background_task_uses_request_session and notebook 11
rest on, kept checked.

A background task here changes the agent the endpoint loaded and commits on the
endpoint's session, the mistake the kata is about:
- with the app's SessionDep (scope "request", FastAPI's default since 0.118), the session
  is closed only after the background tasks: the write happens;
- declared with scope="function", the session is closed before the response is sent: the
  agent is detached, and the commit (on a closed session, reset for reuse) writes nothing;
- the same, from a session made with close_resets_only=False: the commit raises.
A task with a session of its own, from the app's factory, writes under all three.
"""

from collections.abc import AsyncIterator
from typing import Annotated

import pytest
import pytest_asyncio
from fastapi import APIRouter, BackgroundTasks, Depends
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import HTTPConnection

from workbook.app.api.deps import SessionDep, SessionFactoryDep
from workbook.app.db import get_db
from workbook.app.models import Agent
from workbook.live import LiveApp
from workbook.testing.after_response import exchange
from workbook.testing.answers import crashes_told_once


async def closed_for_good(connection: HTTPConnection) -> AsyncIterator[AsyncSession]:
    async with connection.app.state.sessionmaker(close_resets_only=False) as session:
        yield session


SESSIONS = {
    "request": SessionDep,
    "function": Annotated[AsyncSession, Depends(get_db, scope="function")],
    "function-closed-for-good": Annotated[AsyncSession, Depends(closed_for_good, scope="function")],
}


async def on_request_session(session: AsyncSession, agent: Agent, sessions: object) -> None:
    agent.status = "done"
    await session.commit()


async def on_own_session(session: AsyncSession, agent: Agent, sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions() as own:
        (await own.get(Agent, agent.id)).status = "done"
        await own.commit()


TASKS = {"request-session": on_request_session, "own-session": on_own_session}


def runs_router() -> APIRouter:
    router = APIRouter()
    for scope, session_type in SESSIONS.items():
        for name, task in TASKS.items():

            async def start(
                agent_id: int,
                session: session_type,  # type: ignore[valid-type]
                sessions: SessionFactoryDep,
                tasks: BackgroundTasks,
                task=task,
            ) -> None:
                agent = await session.get(Agent, agent_id)
                agent.status = "queued"
                await session.commit()
                tasks.add_task(task, session, agent, sessions)

            router.add_api_route(f"/runs/{scope}/{name}/{{agent_id}}", start, methods=["POST"])
    return router


# One app for the module's tests: they share its event loop.
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live():
    async with await LiveApp.start(routers=[runs_router()]) as live:
        yield live


async def run(live: LiveApp, scope: str, task: str) -> tuple[str, BaseException | None]:
    agent = await live.create_agent()
    with crashes_told_once():
        done = await exchange(live, "POST", f"/runs/{scope}/{task}/{agent['id']}")
    assert done.status == 200, done
    async with live.session() as fresh:
        return (await fresh.get(Agent, agent["id"])).status, done.raised_after_response


@pytest.mark.parametrize("scope", SESSIONS)
async def test_a_task_with_its_own_session_writes_whatever_the_request_session_does(live, scope):
    assert await run(live, scope, "own-session") == ("done", None)


async def test_a_request_scoped_session_is_still_open_in_the_background_task(live):
    assert await run(live, "request", "request-session") == ("done", None)


async def test_a_function_scoped_session_is_closed_and_the_task_write_is_lost(live):
    assert await run(live, "function", "request-session") == ("queued", None)


async def test_a_session_closed_for_good_refuses_the_task_write(live):
    stored, error = await run(live, "function-closed-for-good", "request-session")
    assert stored == "queued" and isinstance(error, InvalidRequestError), (stored, error)
    assert "permanently closed" in str(error)
