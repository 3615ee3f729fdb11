"""The helpers kata tests stand on (workbook.testing): they must fail by plain assertions and
put a gone client where the katas count on it."""

import pytest
from httpx_ws import WebSocketDisconnect

from workbook.app.realtime import ConnectionManager
from workbook.testing.brokers import DeliveryCountingBroker
from workbook.testing.rooms import explain
from workbook.testing.sockets import FakeSocket, GoneClient


def test_a_gone_client_added_first_is_iterated_first_in_a_set_of_any_size():
    for size in (1, 4, 5, 20, 200):
        gone = GoneClient()
        sockets = {gone}
        sockets.update(FakeSocket(str(n)) for n in range(size))
        assert next(iter(sockets)) is gone, f"with {size} other sockets the gone client was not first"


async def test_a_gone_client_raises_on_every_send_and_is_pruned_by_the_reference_broadcast():
    manager = ConnectionManager()
    gone, live = GoneClient(), FakeSocket("live")
    await manager.connect("room", gone)  # type: ignore[arg-type]
    await manager.connect("room", live)  # type: ignore[arg-type]
    assert await manager.broadcast("room", {"n": 1}) == 1
    assert live.received == [{"n": 1}] and manager.count("room") == 1


async def test_waiting_for_a_delivery_that_never_comes_fails_by_assertion():
    broker = DeliveryCountingBroker()
    with pytest.raises(AssertionError, match="did not return within"):
        await broker.wait_delivered(1, timeout=0.01)


async def test_deliveries_are_counted_when_the_broadcast_raises_too():
    broker = DeliveryCountingBroker()

    async def failing(room, message):
        raise RuntimeError("a broken broadcast")

    async with broker.subscribe(failing):
        await broker.publish("room", {"n": 1})
        await broker.wait_delivered(1)
    assert broker.delivered == 1


def test_a_closed_socket_inside_exception_groups_becomes_a_plain_assertion():
    wrapped = ExceptionGroup("outer", [ExceptionGroup("inner", [WebSocketDisconnect(1011, "boom")])])
    error = explain(wrapped, "ada")
    assert type(error) is AssertionError and "1011" in str(error) and "boom" in str(error), error
    own = AssertionError("the test's own")
    assert explain(ExceptionGroup("g", [own]), "ada") is own
    other = ExceptionGroup("g", [KeyError("x")])
    assert explain(other, "ada") is other
