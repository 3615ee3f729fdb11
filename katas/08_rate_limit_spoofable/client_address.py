"""Your component: the client address whose budget an anonymous request spends.

The app limits requests per signed-in user, and per client address for everyone else
(GET /agents/search among them: settings.rate_limit_search). The app plugs this function
in as get_client_address, so the address it returns is the rate limit's key. The app may
run behind reverse proxies, listed in settings.trusted_proxies: for them create_app
installs uvicorn's ProxyHeadersMiddleware, which reads the X-Forwarded-For those proxies
send and rewrites the request's client address before any route or dependency runs.
"""

from fastapi import Request


def get_client_address(request: Request) -> str:
    """The address of the client that sent this request."""
    # Behind a load balancer every request comes from the balancer; the client is the
    # first address of X-Forwarded-For ("client, proxy1, proxy2").
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.client.host if request.client else "unknown"
