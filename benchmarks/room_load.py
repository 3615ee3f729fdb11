"""A chat room under load, over a real server: the app served by uvicorn on 127.0.0.1,
``--clients`` WebSocket clients (the ``websockets`` library) in one room, one of them
sending a burst of ``--messages`` while ``--drops`` others leave during it (half reset
their TCP connection, half close cleanly). The scenario of tests/test_rooms_load.py
(workbook.room_load); here it prints what one run measured:

    python3 run.py python benchmarks/room_load.py [--clients 100] [--drops 10] [--messages 50]

Server and clients share one event loop (one core): the figures are a floor for what the
server alone would do. It exits with 1 when the outcome is wrong (a staying client missed
or reordered a message, a dropped one stayed in the room, or the server logged a warning
or an error).
"""

import argparse
import asyncio
import os
import sys

from workbook.room_load import RoomLoad, run_room_load
from workbook.served import served_app


async def measure(clients: int, drops: int, messages: int) -> RoomLoad:
    async with served_app() as served:
        return await run_room_load(served, clients=clients, drops=drops, messages=messages)


def report(load: RoomLoad) -> bool:
    staying = load.staying
    complete = sum(load.received[client] == load.expected for client in staying)
    deliveries = load.messages * len(staying)
    burst = load.burst_seconds
    print(f"{os.cpu_count()} cores; server and clients in one event loop, over 127.0.0.1")
    print(f"clients           {load.clients} ({len(load.dropped)} dropped during the burst: "
          f"{sum(how == 'abort' for how in load.dropped.values())} reset, "
          f"{sum(how == 'close' for how in load.dropped.values())} closed)")
    print(f"messages          {load.messages} sent by one client, each broadcast to the room")
    print(f"connect           {load.connect_seconds * 1000:8.1f} ms  (all clients in the room)")
    print(f"burst             {burst * 1000:8.1f} ms  (first send -> every staying client has every message)")
    print(f"messages/s        {load.messages / burst:8.0f}     (broadcasts)")
    print(f"deliveries/s      {deliveries / burst:8.0f}     ({deliveries} messages received by {len(staying)} clients)")
    print(f"in order          {complete}/{len(staying)} staying clients got every message, in order")
    print(f"room size         {' -> '.join(map(str, load.room_size))} (joined -> after the burst)")
    print(f"server log        {len(load.app_errors)} warnings or errors")
    for line in load.app_errors[:5]:
        print(f"  {line}")
    expected_sizes = [load.clients, load.clients - len(load.dropped)]
    return complete == len(staying) and load.room_size == expected_sizes and not load.app_errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--drops", type=int, default=10, help="clients that leave during the burst")
    parser.add_argument("--messages", type=int, default=50)
    args = parser.parse_args()
    if not 0 <= args.drops < args.clients:
        parser.error("--drops must be at least 0 and less than --clients (client 0 sends and stays)")
    load = asyncio.run(measure(args.clients, args.drops, args.messages))
    return 0 if report(load) else 1


if __name__ == "__main__":
    sys.exit(main())
