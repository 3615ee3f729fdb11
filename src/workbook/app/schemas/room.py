"""What clients see of a chat room over HTTP."""

from pydantic import BaseModel


class RoomPresence(BaseModel):
    room: str
    connected: int  # sockets open in this room on the instance that answered
