"""Decoy: the rightmost X-Forwarded-For entry ("the proxy appends, so the last one is the
proxy's word"), from any peer.

Wrong because the rightmost entry is the proxy's word only when the request came from the
proxy: a client that reaches the app directly writes the whole header, last entry
included, and rotates it for a fresh budget each time.
"""

from fastapi import Request


def get_client_address(request: Request) -> str:
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return request.client.host if request.client else "unknown"
