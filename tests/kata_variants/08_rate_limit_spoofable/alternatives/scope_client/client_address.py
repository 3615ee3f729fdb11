"""Alternative: the peer read from the ASGI scope, scope["client"].

Right because request.client is a view of the same scope entry: the peer's address, which
ProxyHeadersMiddleware has already replaced by the client a trusted proxy named.
"""

from fastapi import Request


def get_client_address(request: Request) -> str:
    client = request.scope.get("client")
    return client[0] if client else "unknown"
