"""Brokers: broadcasts reach the clients of *other* app instances.

Two ConnectionManagers stand in for two app instances; the InMemoryBroker always runs, the
RedisBroker against a real Redis when WORKBOOK_REDIS_URL is set.
"""

import asyncio
import json
import logging
import os
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from workbook.app.realtime import Broker, ConnectionManager, InMemoryBroker
from workbook.app.realtime.redis_broker import RedisBroker
from workbook.testing.sockets import connected

REDIS_URL = os.environ.get("WORKBOOK_REDIS_URL")
needs_redis = pytest.mark.skipif(
    not REDIS_URL,
    reason="set WORKBOOK_REDIS_URL=redis://127.0.0.1:6379/0 to run; .ci/run starts a redis-server",
)


async def eventually(condition: Callable[[], bool], timeout: float = 2.0) -> None:
    """Wait for what a listener task delivers (brokers deliver asynchronously)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s")
        await asyncio.sleep(0.005)


@asynccontextmanager
async def instances(*brokers: Broker) -> AsyncIterator[list[ConnectionManager]]:
    """One manager per broker, each subscribed: one app instance per broker."""
    async with AsyncExitStack() as stack:
        managers = []
        for broker in brokers:
            manager = ConnectionManager()
            await stack.enter_async_context(broker.subscribe(manager.broadcast))
            managers.append(manager)
        yield managers


async def test_both_brokers_satisfy_the_protocol() -> None:
    assert isinstance(InMemoryBroker(), Broker)
    redis_broker = RedisBroker.from_url("redis://127.0.0.1:1/0")  # connects lazily: no server needed
    assert isinstance(redis_broker, Broker)
    await redis_broker.aclose()


# InMemoryBroker


async def test_two_instances_deliver_each_others_broadcasts() -> None:
    broker = InMemoryBroker()
    async with instances(broker, broker) as (one, two):
        a = await connected(one, "lobby", 2)
        b = await connected(two, "lobby", 2)
        await broker.publish("lobby", {"from": "one", "n": 1})
        await broker.publish("lobby", {"from": "two", "n": 2})
        everyone = a + b
        await eventually(lambda: all(len(s.received) == 2 for s in everyone))
        for socket in everyone:
            assert socket.received == [{"from": "one", "n": 1}, {"from": "two", "n": 2}]


async def test_only_the_rooms_own_clients_receive() -> None:
    broker = InMemoryBroker()
    async with instances(broker, broker) as (one, two):
        [lobby] = await connected(one, "lobby", 1)
        [kitchen] = await connected(two, "kitchen", 1)
        await broker.publish("kitchen", {"n": 1})
        await eventually(lambda: kitchen.received == [{"n": 1}])
        await asyncio.sleep(0.02)
        assert lobby.received == []


async def test_leaving_the_subscription_stops_delivery() -> None:
    broker = InMemoryBroker()
    manager = ConnectionManager()
    [a] = await connected(manager, "lobby", 1)
    async with broker.subscribe(manager.broadcast):
        assert broker.subscribers == 1
    assert broker.subscribers == 0
    await broker.publish("lobby", {"n": 1})
    await asyncio.sleep(0.02)
    assert a.received == []


async def test_every_instance_gets_its_own_copy_and_json_is_enforced() -> None:
    broker = InMemoryBroker()
    got: list[dict[str, Any]] = []

    async def deliver(room: str, message: dict[str, Any]) -> None:
        got.append(message)

    async with broker.subscribe(deliver), broker.subscribe(deliver):
        message = {"items": [1, 2]}
        await broker.publish("lobby", message)
        await eventually(lambda: len(got) == 2)
        assert got[0] == got[1] == message
        assert got[0] is not got[1] and got[0] is not message
        with pytest.raises(TypeError):
            await broker.publish("lobby", {"when": object()})


async def test_a_failing_delivery_does_not_stop_the_listener(caplog: pytest.LogCaptureFixture) -> None:
    broker = InMemoryBroker()
    got: list[int] = []

    async def deliver(room: str, message: dict[str, Any]) -> None:
        if message["n"] == 1:
            raise ValueError("a bug in one delivery")
        got.append(message["n"])

    with caplog.at_level(logging.ERROR, logger="workbook.app.realtime.broker"):
        async with broker.subscribe(deliver):
            for n in range(3):
                await broker.publish("lobby", {"n": n})
            await eventually(lambda: got == [0, 2])
    assert "delivering a broadcast to room 'lobby' failed" in caplog.text


async def test_load_through_the_broker_across_two_instances() -> None:
    """100 clients over two instances, 10 dying during a burst of 50 publications."""
    broker = InMemoryBroker()
    async with instances(broker, broker) as managers:
        sockets = [s for m in managers for s in await connected(m, "lobby", 50)]
        dying = sockets[::10]
        started = time.perf_counter()
        for n in range(50):
            if n == 25:
                for socket in dying:
                    socket.die()
            await broker.publish("lobby", {"n": n})
        live = [s for s in sockets if s not in dying]
        await eventually(lambda: all(len(s.received) == 50 for s in live))
        elapsed = time.perf_counter() - started
        for socket in live:
            assert socket.received == [{"n": n} for n in range(50)]
        assert [m.count("lobby") for m in managers] == [45, 45]
        print(f"\n100 clients on 2 instances, 50 publications, 10 dropped: {elapsed * 1000:.1f} ms")
        assert elapsed < 5.0, elapsed


# Real sockets: two app instances, each with the endpoint the reference app will have
# (without its token check), sharing one broker; clients over httpx-ws, in-process.


def room_app(broker: Broker) -> tuple[FastAPI, ConnectionManager]:
    manager = ConnectionManager()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with broker.subscribe(manager.broadcast):
            yield

    app = FastAPI(lifespan=lifespan)

    @app.websocket("/ws/rooms/{room}")
    async def room_socket(websocket: WebSocket, room: str) -> None:
        await manager.connect(room, websocket)
        try:
            while True:
                data = await websocket.receive_json()
                await broker.publish(room, {"room": room, "data": data})  # not manager.broadcast
        except WebSocketDisconnect:
            pass
        finally:
            manager.disconnect(room, websocket)

    return app, manager


@asynccontextmanager
async def client_of(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with LifespanManager(app) as running:
        transport = ASGIWebSocketTransport(app=running.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_real_sockets_on_two_instances_sharing_a_broker() -> None:
    broker = InMemoryBroker()
    app_one, one = room_app(broker)
    app_two, two = room_app(broker)
    async with client_of(app_one) as c1, client_of(app_two) as c2:
        async with aconnect_ws("/ws/rooms/lobby", c1) as alice:
            async with aconnect_ws("/ws/rooms/lobby", c2) as bob:
                await eventually(lambda: one.count("lobby") == 1 and two.count("lobby") == 1)
                await alice.send_json({"text": "hi"})
                expected = {"room": "lobby", "data": {"text": "hi"}}
                assert await asyncio.wait_for(alice.receive_json(), 2) == expected
                assert await asyncio.wait_for(bob.receive_json(), 2) == expected
            # bob has gone: his instance notices, the room there is dropped
            await eventually(lambda: "lobby" not in two.rooms)
            await alice.send_json({"text": "still here?"})
            assert (await asyncio.wait_for(alice.receive_json(), 2))["data"] == {"text": "still here?"}
            assert one.count("lobby") == 1
        await eventually(lambda: one.rooms == {})


# RedisBroker, against a real Redis


@pytest.fixture
async def redis_brokers() -> AsyncIterator[tuple[RedisBroker, RedisBroker]]:
    """Two brokers (two app instances, two connections) on a prefix of this test's own."""
    assert REDIS_URL
    prefix = f"workbook-test:{uuid.uuid4().hex}:"
    one, two = RedisBroker.from_url(REDIS_URL, prefix=prefix), RedisBroker.from_url(REDIS_URL, prefix=prefix)
    try:
        yield one, two
    finally:
        await one.aclose()
        await two.aclose()


@needs_redis
async def test_redis_two_instances_deliver_each_others_broadcasts(redis_brokers: tuple[RedisBroker, RedisBroker]) -> None:
    b1, b2 = redis_brokers
    async with instances(b1, b2) as (one, two):
        a = await connected(one, "lobby", 2)
        b = await connected(two, "lobby", 2)
        [other] = await connected(two, "kitchen", 1)
        await b1.publish("lobby", {"from": "one", "n": 1})
        await b2.publish("lobby", {"from": "two", "text": "héllo ✓"})
        everyone = a + b
        await eventually(lambda: all(len(s.received) == 2 for s in everyone))
        for socket in everyone:
            assert socket.received == [{"from": "one", "n": 1}, {"from": "two", "text": "héllo ✓"}]
        assert other.received == []


@needs_redis
async def test_redis_subscription_is_live_on_entry_and_ended_on_exit(redis_brokers: tuple[RedisBroker, RedisBroker]) -> None:
    b1, b2 = redis_brokers
    manager = ConnectionManager()
    [a] = await connected(manager, "lobby", 1)
    async with b1.subscribe(manager.broadcast):
        # PUBLISH answers how many subscribers got it: 1 as soon as subscribe() returned.
        assert await b2.client.publish(b2.channel("lobby"), '{"n": 1}') == 1
        await eventually(lambda: a.received == [{"n": 1}])
    assert await b2.client.publish(b2.channel("lobby"), '{"n": 2}') == 0
    assert a.received == [{"n": 1}]


@needs_redis
async def test_redis_a_non_json_message_is_skipped(
    redis_brokers: tuple[RedisBroker, RedisBroker], caplog: pytest.LogCaptureFixture
) -> None:
    b1, b2 = redis_brokers
    manager = ConnectionManager()
    [a] = await connected(manager, "lobby", 1)
    with caplog.at_level(logging.WARNING, logger="workbook.app.realtime.broker"):
        async with b1.subscribe(manager.broadcast):
            await b2.client.publish(b2.channel("lobby"), "not json")
            await b2.publish("lobby", {"n": 1})
            await eventually(lambda: a.received == [{"n": 1}])
    assert "skipping a non-JSON message" in caplog.text


@needs_redis
async def test_redis_load_across_two_instances(redis_brokers: tuple[RedisBroker, RedisBroker]) -> None:
    b1, b2 = redis_brokers
    async with instances(b1, b2) as managers:
        sockets = [s for m in managers for s in await connected(m, "lobby", 50)]
        dying = sockets[::10]
        started = time.perf_counter()
        for n in range(50):
            if n == 25:
                for socket in dying:
                    socket.die()
            await (b1 if n % 2 else b2).publish("lobby", {"n": n})
        live = [s for s in sockets if s not in dying]
        await eventually(lambda: all(len(s.received) == 50 for s in live), timeout=10)
        elapsed = time.perf_counter() - started
        for socket in live:
            assert socket.received == [{"n": n} for n in range(50)]
        assert [m.count("lobby") for m in managers] == [45, 45]
        print(f"\nRedis: 100 clients on 2 instances, 50 publications, 10 dropped: {elapsed * 1000:.1f} ms")


async def kill_subscriber_connection(admin: RedisBroker, client_name: str) -> None:
    """Close, server side, the pattern-subscribed connection of the client so named."""
    [victim] = [c for c in await admin.client.client_list() if c["name"] == client_name and int(c["psub"]) > 0]
    assert await admin.client.client_kill_filter(_id=victim["id"]) == 1


async def publish_until_received(broker: RedisBroker, room: str, message: dict[str, Any]) -> None:
    """PUBLISH until one subscriber takes it (the subscriber may still be reconnecting)."""
    deadline = time.monotonic() + 5
    while await broker.client.publish(broker.channel(room), json.dumps(message)) == 0:
        assert time.monotonic() < deadline, "the subscriber did not come back"
        await asyncio.sleep(0.02)


@needs_redis
@pytest.mark.parametrize("client_retries", [True, False], ids=["redis-py-retries", "listener-loop-retries"])
async def test_redis_subscription_survives_a_dropped_connection(
    redis_brokers: tuple[RedisBroker, RedisBroker], caplog: pytest.LogCaptureFixture, client_retries: bool
) -> None:
    """A Redis restart or failover drops the subscriber's connection: delivery must resume.
    With redis-py's retries (from_url's default) it reconnects on its own; without them
    (a longer outage exhausts them) the listener's own loop reconnects."""
    _, admin = redis_brokers
    name = f"sub-{uuid.uuid4().hex[:12]}"
    options: dict[str, Any] = {"client_name": name}
    if not client_retries:
        options["retry"] = Retry(NoBackoff(), 0)
    assert REDIS_URL
    broker = RedisBroker.from_url(REDIS_URL, prefix=admin.prefix, **options)
    manager = ConnectionManager()
    [a] = await connected(manager, "lobby", 1)
    try:
        with caplog.at_level(logging.WARNING, logger="workbook.app.realtime.broker"):
            async with broker.subscribe(manager.broadcast):
                await admin.publish("lobby", {"n": 1})
                await eventually(lambda: a.received == [{"n": 1}])
                await kill_subscriber_connection(admin, name)
                await publish_until_received(admin, "lobby", {"n": 2})
                await eventually(lambda: a.received == [{"n": 1}, {"n": 2}], timeout=5)
        if not client_retries:
            assert "Redis subscription lost" in caplog.text
    finally:
        await broker.aclose()
