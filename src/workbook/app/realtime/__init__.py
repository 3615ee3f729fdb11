"""Real-time core: a room-based ConnectionManager and brokers that carry broadcasts
between app instances (in-process for notebooks and tests, Redis pub/sub in production:
``workbook.app.realtime.redis_broker.RedisBroker``, imported only where Redis is used)."""

from workbook.app.realtime.broker import Broker, Deliver, InMemoryBroker, Message
from workbook.app.realtime.manager import DEAD_SOCKET_ERRORS, ConnectionManager

__all__ = [
    "DEAD_SOCKET_ERRORS",
    "Broker",
    "ConnectionManager",
    "Deliver",
    "InMemoryBroker",
    "Message",
]
