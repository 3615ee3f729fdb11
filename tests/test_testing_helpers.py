"""The helpers kata tests stand on (workbook.testing): they must fail by plain assertions and
put a gone client where the katas count on it."""

import pytest
from fastapi import APIRouter, BackgroundTasks, FastAPI
from httpx_ws import WebSocketDisconnect

from workbook.app.api.deps import SessionFactoryDep
from workbook.app.models import Agent
from workbook.app.realtime import ConnectionManager
from workbook.live import LiveApp
from workbook.testing.after_response import exchange, told
from workbook.testing.answers import crashes_told_once
from workbook.testing.brokers import DeliveryCountingBroker
from workbook.testing.overrides import overridden
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


def test_overridden_puts_back_the_previous_override_and_keeps_the_others():
    app = FastAPI()

    def dependency() -> str:
        return "real"

    def other() -> str:
        return "other"

    outer, inner, kept = (lambda: "outer"), (lambda: "inner"), (lambda: "kept")
    app.dependency_overrides[other] = kept
    with overridden(app, dependency, outer):
        with overridden(app, dependency, inner):
            assert app.dependency_overrides[dependency] is inner
        assert app.dependency_overrides[dependency] is outer, "the outer override was not put back"
    assert app.dependency_overrides == {other: kept}, "the override outlived its block, or another was lost"
    with pytest.raises(RuntimeError), overridden(app, dependency, inner):
        raise RuntimeError("the test failed")
    assert app.dependency_overrides == {other: kept}, "a failing block left its override behind"


def exchange_app() -> APIRouter:
    router = APIRouter()

    async def fail_later() -> None:
        raise RuntimeError("the task failed")

    @router.post("/after/fails")
    async def fails_after_the_response(tasks: BackgroundTasks) -> dict[str, str]:
        tasks.add_task(fail_later)
        return {"status": "accepted"}

    @router.post("/before/fails")
    async def fails_before_the_response() -> None:
        raise RuntimeError("the endpoint failed")

    @router.post("/after/writes")
    async def writes_after_the_response(tasks: BackgroundTasks, sessions: SessionFactoryDep) -> None:
        async def mark() -> None:
            async with sessions() as session:
                (await session.get(Agent, 1)).status = "done"
                await session.commit()

        tasks.add_task(mark)

    return router


async def test_exchange_tells_an_error_after_the_response_from_one_before_it():
    async with await LiveApp.start(routers=[exchange_app()]) as live:
        with crashes_told_once():
            later = await exchange(live, "POST", "/after/fails")
        assert (later.status, later.json()) == (200, {"status": "accepted"}), later
        assert isinstance(later.raised_after_response, RuntimeError), later
        assert told(later.raised_after_response) == "RuntimeError: the task failed"
        with crashes_told_once(), pytest.raises(RuntimeError, match="the endpoint failed"):
            await exchange(live, "POST", "/before/fails")
        agent = await live.create_agent()
        assert agent["id"] == 1

        async def status() -> str:
            async with live.session() as session:
                return (await session.get(Agent, 1)).status

        written = await exchange(live, "POST", "/after/writes", at_response=status)
        assert (written.seen_at_response, await status()) == ("idle", "done"), written
        assert written.raised_after_response is None, written
