"""Decoy: the peer and X-Forwarded-For together as the key ("a spoofer would have to fake
both").

Wrong because the key changes whenever either part does: the client cannot change its
peer, but it changes the header at will, and every new value is a new budget.
"""

from fastapi import Request


def get_client_address(request: Request) -> str:
    peer = request.client.host if request.client else "unknown"
    return f"{peer}|{request.headers.get('x-forwarded-for', '')}"
