"""Chapter 04's claims about JSON/JSONB mutation, checked on the configured database.

Each test edits an agent's `agent_metadata` in a session of its own, commits, and reads the
column back through a NEW session: what that reads is what the database holds. UPDATE
statements are counted with an engine event listener.
"""

import copy
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import JSON, event, inspect, select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.orm.attributes import flag_modified

from workbook.app.api.deps import get_metadata_writer
from workbook.app.models import Agent
from workbook.live import LiveApp

pytestmark = pytest.mark.database

Edit = Callable[[AsyncSession, Agent], None]


@pytest.fixture
def updates(live: LiveApp) -> Iterator[list[str]]:
    """The UPDATE statements the app's engine sends while the test runs."""
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("UPDATE"):
            sent.append(statement)

    event.listen(live.engine.sync_engine, "before_cursor_execute", record)
    yield sent
    event.remove(live.engine.sync_engine, "before_cursor_execute", record)


async def edit_and_commit(live: LiveApp, agent_id: int, edit: Edit) -> dict[str, Any]:
    """Load the agent in a session of its own, apply `edit`, commit; return the metadata
    that session's object holds afterwards."""
    async with live.session() as session:
        agent = await session.get(Agent, agent_id)
        edit(session, agent)
        await session.commit()
        return agent.agent_metadata


async def stored_metadata(live: LiveApp, agent_id: int) -> dict[str, Any]:
    """The metadata as a NEW session reads it from the database."""
    async with live.session() as session:
        return await session.scalar(select(Agent.agent_metadata).where(Agent.id == agent_id))


def with_model(metadata: dict[str, Any], model: str) -> dict[str, Any]:
    return {**metadata, "settings": {**metadata["settings"], "model": model}}


async def assert_lost(live: LiveApp, agent: dict[str, Any], updates: list[str], what: str) -> None:
    assert updates == [], f"{what}: expected no UPDATE to be sent, SQLAlchemy sent {updates}"
    stored = await stored_metadata(live, agent["id"])
    assert stored == agent["agent_metadata"], f"{what}: expected the change to be lost, a fresh session read {stored}"


async def assert_saved(live: LiveApp, agent: dict[str, Any], updates: list[str], what: str) -> None:
    assert len(updates) == 1, f"{what}: expected one UPDATE, SQLAlchemy sent {updates}"
    stored = await stored_metadata(live, agent["id"])
    expected = with_model(agent["agent_metadata"], "large")
    assert stored == expected, f"{what}: metadata change was lost: after commit a fresh session read {stored}"


# --- the column type ------------------------------------------------------------------------


async def test_metadata_column_is_jsonb_on_postgresql_and_json_elsewhere(live: LiveApp):
    async with live.engine.connect() as connection:
        columns = await connection.run_sync(lambda sync: inspect(sync).get_columns("agents"))
    column_type = next(column["type"] for column in columns if column["name"] == "agent_metadata")
    expected = "JSONB" if live.engine.dialect.name == "postgresql" else "JSON"
    assert type(column_type).__name__ == expected, f"on {live.engine.dialect.name} the column is {column_type!r}"


# --- changes that are lost ------------------------------------------------------------------


async def test_in_place_nested_change_is_not_saved(live: LiveApp, agent: dict[str, Any], updates: list[str]):
    def edit(session: AsyncSession, obj: Agent) -> None:
        obj.agent_metadata["settings"]["model"] = "large"

    held = await edit_and_commit(live, agent["id"], edit)
    assert held["settings"]["model"] == "large", "the session's own object should show the change"
    await assert_lost(live, agent, updates, "nested key changed in place")


async def test_in_place_nested_change_is_answered_by_the_endpoint_but_not_saved(
    live: LiveApp, agent: dict[str, Any]
):
    async def in_place_writer(session: AsyncSession, obj: Agent, path: list[str], value: Any) -> None:
        node = obj.agent_metadata
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value

    live.app.dependency_overrides[get_metadata_writer] = lambda: in_place_writer
    response = await live.client.patch(
        f"/agents/{agent['id']}/metadata", json={"path": ["settings", "model"], "value": "large"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["agent_metadata"]["settings"]["model"] == "large", response.text
    stored = await stored_metadata(live, agent["id"])
    assert stored == agent["agent_metadata"], f"expected the in-place change to be lost, a fresh session read {stored}"


async def test_reassigning_the_same_object_is_not_saved(live: LiveApp, agent: dict[str, Any], updates: list[str]):
    def edit(session: AsyncSession, obj: Agent) -> None:
        obj.agent_metadata["settings"]["model"] = "large"
        obj.agent_metadata = obj.agent_metadata

    await edit_and_commit(live, agent["id"], edit)
    await assert_lost(live, agent, updates, "obj.agent_metadata = obj.agent_metadata after an in-place edit")


async def test_adding_the_object_to_the_session_again_is_not_saved(
    live: LiveApp, agent: dict[str, Any], updates: list[str]
):
    def edit(session: AsyncSession, obj: Agent) -> None:
        obj.agent_metadata["settings"]["model"] = "large"
        session.add(obj)

    await edit_and_commit(live, agent["id"], edit)
    await assert_lost(live, agent, updates, "session.add(obj) after an in-place edit")


async def test_shallow_copy_with_a_nested_in_place_edit_is_not_saved(
    live: LiveApp, agent: dict[str, Any], updates: list[str]
):
    def edit(session: AsyncSession, obj: Agent) -> None:
        new = dict(obj.agent_metadata)  # shares the nested "settings" dict with the old value
        new["settings"]["model"] = "large"
        obj.agent_metadata = new

    await edit_and_commit(live, agent["id"], edit)
    await assert_lost(live, agent, updates, "dict(meta) copy, nested key edited in place, assigned")


# --- changes that are saved -----------------------------------------------------------------


async def test_flag_modified_after_an_in_place_change_saves_it(
    live: LiveApp, agent: dict[str, Any], updates: list[str]
):
    def edit(session: AsyncSession, obj: Agent) -> None:
        obj.agent_metadata["settings"]["model"] = "large"
        flag_modified(obj, "agent_metadata")

    await edit_and_commit(live, agent["id"], edit)
    await assert_saved(live, agent, updates, "in-place edit then flag_modified")


async def test_deepcopy_edit_and_assign_saves_it(live: LiveApp, agent: dict[str, Any], updates: list[str]):
    def edit(session: AsyncSession, obj: Agent) -> None:
        new = copy.deepcopy(obj.agent_metadata)
        new["settings"]["model"] = "large"
        obj.agent_metadata = new

    await edit_and_commit(live, agent["id"], edit)
    await assert_saved(live, agent, updates, "deepcopy, edit, assign")


async def test_new_dicts_along_the_path_assigned_saves_it(live: LiveApp, agent: dict[str, Any], updates: list[str]):
    def edit(session: AsyncSession, obj: Agent) -> None:
        obj.agent_metadata = with_model(obj.agent_metadata, "large")

    await edit_and_commit(live, agent["id"], edit)
    await assert_saved(live, agent, updates, "new dicts at every level of the path, assigned")


# --- MutableDict tracks top-level keys only -------------------------------------------------


class ScratchBase(DeclarativeBase):
    """A base of its own: this table is not part of the app's schema."""


class Document(ScratchBase):
    __tablename__ = "mutable_dict_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A new type instance: MutableDict.as_mutable would also apply to every other column
    # sharing the instance it is given (the app's JSONDocument included).
    body: Mapped[dict[str, Any]] = mapped_column(MutableDict.as_mutable(JSON().with_variant(JSONB(), "postgresql")))


DOCUMENT_BODY = {"settings": {"model": "small"}, "tags": ["fast"], "version": 1}


@pytest.fixture
async def document_id(live: LiveApp) -> int:
    """A Document row, in a table created for the test on the app's database."""
    async with live.engine.begin() as connection:
        await connection.run_sync(ScratchBase.metadata.create_all)
    async with live.session() as session:
        document = Document(body=copy.deepcopy(DOCUMENT_BODY))
        session.add(document)
        await session.commit()
        return document.id


async def edit_document(live: LiveApp, document_id: int, edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """Apply `edit` to the body in a session of its own and commit; read it back in a NEW one."""
    async with live.session() as session:
        # Keep the object referenced: the identity map holds it weakly, and MutableDict
        # reports changes only to parents that are still alive.
        document = await session.get(Document, document_id)
        edit(document.body)
        await session.commit()
    async with live.session() as session:
        return await session.scalar(select(Document.body).where(Document.id == document_id))


async def test_mutable_dict_saves_a_top_level_key_set_in_place(live: LiveApp, document_id: int, updates: list[str]):
    def edit(body: dict[str, Any]) -> None:
        body["version"] = 2

    stored = await edit_document(live, document_id, edit)
    assert len(updates) == 1, f"MutableDict, body['version'] = 2: expected one UPDATE, got {updates}"
    assert stored == {**DOCUMENT_BODY, "version": 2}, f"top-level change was lost: a fresh session read {stored}"


async def test_mutable_dict_does_not_save_a_nested_edit(live: LiveApp, document_id: int, updates: list[str]):
    def edit(body: dict[str, Any]) -> None:
        body["settings"]["model"] = "large"

    stored = await edit_document(live, document_id, edit)
    assert updates == [], f"MutableDict, nested edit: expected no UPDATE, got {updates}"
    assert stored == DOCUMENT_BODY, f"expected the nested edit to be lost, a fresh session read {stored}"


async def test_mutable_dict_does_not_save_a_list_append(live: LiveApp, document_id: int, updates: list[str]):
    def edit(body: dict[str, Any]) -> None:
        body["tags"].append("cheap")

    stored = await edit_document(live, document_id, edit)
    assert updates == [], f"MutableDict, list append: expected no UPDATE, got {updates}"
    assert stored == DOCUMENT_BODY, f"expected the append to be lost, a fresh session read {stored}"
