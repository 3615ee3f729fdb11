"""Decoy: believe X-Forwarded-For only when the app is configured behind a proxy
(settings.trusted_proxies), and take its first entry, "the original client".

Wrong because being configured behind a proxy says nothing about who sent this request:
a client reaching the app directly still writes the header. And even through the proxy,
the leftmost entries are what the client sent; the proxy only appends the address it saw,
so a client prefixing made-up addresses gets a fresh budget each time.
"""

from fastapi import Request

from workbook.app.api.deps import SettingsDep


def get_client_address(request: Request, settings: SettingsDep) -> str:
    forwarded = request.headers.get("x-forwarded-for")
    if forwarded and settings.trusted_proxies:
        return forwarded.split(",")[0].strip()
    return request.client.host if request.client else "unknown"
