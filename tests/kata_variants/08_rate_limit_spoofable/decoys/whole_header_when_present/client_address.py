"""Decoy: the whole X-Forwarded-For when present, else the peer (what slowapi's
get_ipaddr does).

Wrong because the client writes that header: a new value per request is a new key per
request, so rotating it bypasses the limit, from anywhere.
"""

from fastapi import Request


def get_client_address(request: Request) -> str:
    return request.headers.get("x-forwarded-for") or (request.client.host if request.client else "unknown")
