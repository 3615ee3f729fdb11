"""Agent rules that live in the service: unique names per owner, listings with owners,
and the legacy scoring call that must not block the event loop."""

import asyncio
import time

import pytest
from sqlalchemy import event

from workbook.app.api.deps import get_scoring_client
from workbook.app.legacy.scoring import LegacyScoringClient

pytestmark = pytest.mark.database


async def test_a_second_agent_with_the_same_name_for_one_owner_answers_409(live, create_agent):
    await create_agent(name="scout")
    again = await live.client.post("/agents", json={"name": "scout"})
    assert again.status_code == 409, again.text
    assert "scout" in again.json()["detail"]


async def test_two_owners_may_use_the_same_agent_name(live, create_agent, create_user):
    await create_agent(name="scout")
    other = await create_user("grace@example.com")
    assert (await create_agent(owner_id=other["id"], name="scout"))["name"] == "scout"


async def test_renaming_onto_a_name_in_use_answers_409_and_keeps_the_old_name(live, create_agent):
    await create_agent(name="scout")
    critic = await create_agent(name="critic")
    response = await live.client.patch(f"/agents/{critic['id']}", json={"name": "scout"})
    assert response.status_code == 409, response.text
    kept = await live.client.get(f"/agents/{critic['id']}")
    assert kept.json()["name"] == "critic", kept.text


async def test_agents_with_owners_takes_two_queries_however_many_agents(live, create_user, create_agent):
    owners = []
    for n in range(5):
        owner = await create_user(f"owner{n}@example.com", full_name=f"Owner {n}")
        owners.append(owner)
        for name in ("a", "b"):
            await create_agent(owner_id=owner["id"], name=name)
    statements: list[str] = []
    event.listen(live.engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    response = await live.client.get("/agents/with-owners")
    assert response.status_code == 200, response.text
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2, f"listing 10 agents of 5 owners sent {len(selects)} SELECTs: {selects}"
    first = response.json()[0]
    assert first["owner"] == {"id": owners[0]["id"], "email": "owner0@example.com", "full_name": "Owner 0"}, first


async def test_scoring_calls_overlap_instead_of_queueing_behind_each_other(live, agent):
    # The legacy client blocks for delay_s. Run in a worker thread, 8 calls at once take
    # about as long as one; run on the event loop they would take 8 times as long.
    delay = 0.2
    live.app.dependency_overrides[get_scoring_client] = lambda: LegacyScoringClient(delay_s=delay)

    async def timed(count: int) -> float:
        start = time.perf_counter()
        responses = await asyncio.gather(
            *(live.client.get(f"/agents/{agent['id']}/score") for _ in range(count))
        )
        assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
        return time.perf_counter() - start

    one, eight = await timed(1), await timed(8)
    assert eight / one < 4, f"8 concurrent scorings took {eight / one:.1f}x one (one: {one:.2f} s)"
