"""Alternative: the peer address, with IPv6 clients counted per /64 network.

Right because it keys on the peer, which the client cannot choose (and which
ProxyHeadersMiddleware sets from a trusted proxy's header). An IPv6 host is usually given
a whole /64, so budgets per IPv6 address could be multiplied at will; IPv4 addresses stay
one budget each.
"""

import ipaddress

from fastapi import Request


def get_client_address(request: Request) -> str:
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # not an address (a test client's name, a unix socket)
        return host
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)
