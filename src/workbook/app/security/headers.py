"""Security headers on every HTTP response (chapter 08), as a pure ASGI middleware.

What each one stops:
- X-Content-Type-Options: nosniff — a browser must not guess that a JSON or text body
  "looks like" HTML or script and run it;
- X-Frame-Options: DENY (and CSP frame-ancestors) — no other site may frame our pages
  (clickjacking);
- Referrer-Policy: no-referrer — URLs (ids, search terms) do not leak to other sites;
- Content-Security-Policy — for responses that are not HTML, "nothing may load and
  nothing may frame this". HTML responses set a policy of their own (our pages: a strict
  one; FastAPI's /docs loads Swagger UI from a CDN with an inline script, which a strict
  default would break, so it is left without one);
- Strict-Transport-Security — over HTTPS only (browsers ignore it over HTTP): keep to
  HTTPS for two years. Behind a proxy the scheme is the one the trusted proxy reported.
A header the response already has is left as it is.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'"
HSTS = "max-age=63072000; includeSubDomains"


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    headers.setdefault(name, value)
                if not headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", NON_HTML_CSP)
                if https:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
