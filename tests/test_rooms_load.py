"""A room under load on a real server (uvicorn on 127.0.0.1, ``websockets`` clients): a
burst of broadcasts while clients drop. The scenario is workbook.room_load's, shared with
benchmarks/room_load.py, which prints its figures; here only the outcome is checked."""

import pytest

from workbook.room_load import run_room_load

pytestmark = [pytest.mark.loopback, pytest.mark.database]

CLIENTS, DROPS, MESSAGES = 100, 10, 50
# Per message, and for the pruning: generous, since the whole run takes well under a second
# on an idle machine and other processes may share its 2 cores; a failing run still ends.
TIMEOUT = 3.0


async def test_a_burst_reaches_every_staying_client_in_order_while_others_drop(served):
    load = await run_room_load(
        served, clients=CLIENTS, drops=DROPS, messages=MESSAGES, receive_timeout=TIMEOUT, prune_timeout=TIMEOUT
    )
    done = f"{CLIENTS} clients in a room, {MESSAGES} messages sent in a burst, {DROPS} clients dropped during it"

    assert len(load.dropped) == DROPS, f"{done}: the scenario dropped {sorted(load.dropped)}"
    short = {
        client: load.received[client]
        for client in load.staying
        if load.received[client] != load.expected
    }
    assert not short, (
        f"{done}: {len(short)} of {len(load.staying)} staying clients did not receive the {MESSAGES} messages "
        f"in order; for example client {min(short)} got {short[min(short)]}"
    )
    for client, how in load.dropped.items():
        got = load.received[client]
        assert got == load.expected[: len(got)], f"{done}: client {client} ({how}) received, before it left: {got}"
    assert load.room_size == [CLIENTS, CLIENTS - DROPS], (
        f"{done}: expected the room to count {CLIENTS} once joined and {CLIENTS - DROPS} after (the dropped "
        f"pruned); it counted {load.room_size}"
    )
    assert load.app_errors == [], f"{done}: the server logged {load.app_errors}"
