"""Kata 05 — the column default every new row shares.

Each test imports your ``draft_model.py`` afresh, creates its table on the live app's
database, makes drafts through sessions, edits one the way chapter 04 teaches — in place,
then ``flag_modified``, then commit — and reads the drafts back: the objects in memory, and
what a fresh session finds in the database.
"""

import json
from typing import Any

import pytest
from sqlalchemy.orm.attributes import flag_modified

from workbook.live import LiveApp


@pytest.fixture(scope="module")
async def live():
    """The reference app on an empty database; one for this file's tests."""
    async with await LiveApp.start() as live:
        yield live


@pytest.fixture
async def Draft(kata, live: LiveApp) -> Any:
    """Your Draft model, freshly imported for each test, its table created (once) on the
    live app's database."""
    model = kata.component("draft_model")
    async with live.engine.begin() as connection:
        await connection.run_sync(model.Base.metadata.create_all)
    return model.Draft


def shown(document: Any) -> str:
    return json.dumps(document, sort_keys=True)  # one key order on SQLite and PostgreSQL


async def stored_meta(live: LiveApp, Draft: Any, draft_id: int) -> Any:
    """What the database holds: read through a new session, not one that remembers the draft."""
    async with live.session() as fresh:
        return (await fresh.get(Draft, draft_id)).meta


async def test_a_new_draft_starts_with_an_empty_document(live, Draft):
    async with live.session() as session:
        draft = Draft(title="first")
        session.add(draft)
        await session.commit()
    stored = await stored_meta(live, Draft, draft.id)
    assert draft.meta == {} and stored == {}, (
        f"a draft created without metadata should start with meta == {{}}; after the commit "
        f"the object held {shown(draft.meta)} and a fresh session read {shown(stored)}"
    )


async def test_editing_one_new_draft_leaves_the_next_new_draft_alone(live, Draft):
    async with live.session() as session:
        first = Draft(title="first")
        session.add(first)
        await session.commit()
        first.meta["pinned"] = True
        flag_modified(first, "meta")
        await session.commit()
    async with live.session() as session:
        second = Draft(title="second")
        session.add(second)
        await session.commit()
    stored = await stored_meta(live, Draft, second.id)
    assert stored == {}, (
        f"draft 'first' was created, committed, then edited in place (meta['pinned'] = True, "
        f"flag_modified, commit). Then draft 'second' was created, in another session, "
        f"without metadata — and a fresh session read its meta as {shown(stored)}, expected "
        f"{{}}. The edit of one draft reached a draft created after it."
    )


async def test_drafts_created_together_keep_their_own_documents(live, Draft):
    async with live.session() as session:
        first, second = Draft(title="first"), Draft(title="second")
        session.add_all([first, second])
        await session.flush()
        first.meta["pinned"] = True
        flag_modified(first, "meta")
        second_before = shown(second.meta)
        second.meta["color"] = "blue"
        flag_modified(second, "meta")
        await session.commit()
    assert second_before == "{}", (
        f"two drafts were created and flushed in one session; after meta['pinned'] = True on "
        f"draft 'first' only, draft 'second' — never touched — showed meta {second_before}, "
        f"expected {{}}"
    )
    stored = {"first": await stored_meta(live, Draft, first.id), "second": await stored_meta(live, Draft, second.id)}
    expected = {"first": {"pinned": True}, "second": {"color": "blue"}}
    assert stored == expected, (
        f"two drafts created together; 'first' got meta['pinned'] = True, 'second' got "
        f"meta['color'] = 'blue' (each in place, then flag_modified). A fresh session read "
        f"{shown(stored)}, expected {shown(expected)}: each draft must keep its own keys only."
    )
