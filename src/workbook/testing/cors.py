"""What CORS tests send and read: a browser's preflight, and the access-control-* headers
of an answer (the only ones a browser consults before letting a page read it)."""

import httpx


def preflight(origin: str, method: str = "POST", headers: str = "authorization, content-type") -> dict[str, str]:
    """The headers of the OPTIONS request a browser sends before a cross-origin ``method``
    with ``headers`` (an authorized JSON post, unless told)."""
    return {"Origin": origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers}


def cors_headers(response: httpx.Response) -> dict[str, str]:
    return {name: value for name, value in response.headers.items() if name.startswith("access-control-")}
