"""Alternative: read X-Forwarded-For itself, but only when the peer is a trusted proxy,
walking from the right past trusted proxies to the first address that is not one.

Right because that is the address a trusted proxy wrote; everything further left is the
client's own text, and a peer that is no proxy gets no say at all. It does not rely on
the app's middleware: in this app ProxyHeadersMiddleware has already rewritten
request.client for trusted proxies, so the walk finds a peer that is no proxy and
returns it, the same answer.
"""

from fastapi import Request

from workbook.app.api.deps import SettingsDep


def get_client_address(request: Request, settings: SettingsDep) -> str:
    peer = request.client.host if request.client else "unknown"
    if peer not in settings.trusted_proxies:
        return peer
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in settings.trusted_proxies:
            return hop
    return peer
