"""What the chapter 08 attack tests (the project's and the katas') share: payload corpora,
a recorder of the SQL the app sends, and a cookie sign-in for the HTML pages with the CSRF
token of their forms."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from sqlalchemy import event

from workbook.app.api.security import CSRF_FIELD, SESSION_COOKIE
from workbook.live import DEMO_PASSWORD, LiveApp

# Classic and less classic SQL injection payloads: quote breaking, comments, stacked
# statements, UNION reads, wildcard abuse, the bind-marker styles of several drivers,
# look-alike quotes and encodings. None longer than 100 characters (the longest text some
# inputs accept), none a substring of SQL the app writes itself.
SQL_INJECTION = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "admin'--",
    "') OR ('a'='a",
    "'; DROP TABLE agents; --",
    "'; UPDATE agents SET name = 'pwned'; --",
    "'; DELETE FROM users; --",
    "x' UNION SELECT id, email, hashed_password, 1, 1, 1 FROM users --",
    "' || (SELECT email FROM users LIMIT 1) || '",
    "%' OR name LIKE '%",
    "100%_sure",
    "1; SELECT sqlite_version()",
    "'; SELECT pg_sleep(0); --",
    "\\'; SELECT 1; --",
    "%s OR 1=1",
    "$1 OR 1=1",
    ":name OR 1=1",
    "\u2018 OR \u20181\u2019=\u20191",
    "%27%20OR%201%3D1",
    "' OR 1=1 /*",
    "1' ORDER BY 99 --",
    "\x00' OR 1=1 --",
]

# One payload of each kind above, for tests where every payload costs a request of its own
# (the katas): quote breaking, a comment, a UNION read, a stacked statement, a LIKE
# wildcard, a driver's bind marker, a backslash escape.
SQL_INJECTION_KINDS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "x' UNION SELECT id, email, hashed_password, 1, 1, 1 FROM users --",
    "'; DELETE FROM users; --",
    "%' OR name LIKE '%",
    ":name OR 1=1",
    "\\'; SELECT 1; --",
]
assert set(SQL_INJECTION_KINDS) <= set(SQL_INJECTION), "every kind is one of the corpus's payloads"

# Stored-XSS payloads: script elements, event handlers on harmless-looking tags, URLs with
# script schemes (also obfuscated), SVG and MathML, CSS, base/meta/form hijacks, markup
# that only re-forms after parsing (mutation XSS), markup written as entities (harmless
# text, unless something unescapes it later), and breaking out of the surrounding element
# or attribute.
XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=x oNeRrOr=alert(1)//",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<b onmouseover="alert(1)">hover</b>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>@import 'https://evil.example/x.css';</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=https://evil.example/>",
    "<form action=https://evil.example/><input name=q><button>go</button></form>",
    "<button formaction=javascript:alert(1)>go</button>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<input autofocus onfocus=alert(1)>",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</div></li></ul><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=x onerror=&#97;lert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "<a href=\"https://example.com\" onclick=\"alert(1)\">ok</a>",
]


@contextmanager
def statements_sent(live: LiveApp) -> Iterator[list[str]]:
    """Record the SQL text of every statement the app's engine sends while the block runs
    (the text only: bound values travel beside it, in `parameters`)."""
    sent: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        sent.append(statement)

    event.listen(live.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(live.engine.sync_engine, "before_cursor_execute", record)


async def session_cookie(live: LiveApp, user: dict[str, Any]) -> str:
    """Sign ``user`` (made by live.create_user with the demo password) in through the
    pages' form; the value of the session cookie it sets."""
    email = user["email"]
    response = await live.client.post("/web/session", data={"username": email, "password": DEMO_PASSWORD})
    assert response.status_code == 303, f"POST /web/session as {email}: expected 303, got {response.status_code} {response.text}"
    cookie = response.cookies.get(SESSION_COOKIE)
    assert cookie, f"POST /web/session set no {SESSION_COOKIE} cookie: {response.headers}"
    return cookie


async def form_token(live: LiveApp, cookie: str) -> str:
    """The CSRF token in the forms of the signed-in user's page (/web/agents), read as a
    browser would get it."""
    page = await live.client.get("/web/agents", headers={"Cookie": f"{SESSION_COOKIE}={cookie}"})
    assert page.status_code == 200, f"GET /web/agents with a session cookie: {page.status_code} {page.text}"
    assert page.headers.get("cache-control") == "no-store", "a page holding a CSRF token must not be cached"
    found = re.search(rf'name="{CSRF_FIELD}" value="([^"]+)"', page.text)
    assert found, f"no {CSRF_FIELD} field in the page:\n{page.text}"
    return found.group(1)


async def post_status(
    live: LiveApp, agent_id: int, cookie: str, *, token: str | None, origin: str | None, status: str = "archived"
) -> httpx.Response:
    """The status form of /web/agents, posted with the session ``cookie``, the CSRF
    ``token`` (no field when None) and an ``Origin`` header (none when None): a page's own
    post, or one forged on another site."""
    headers = {"Cookie": f"{SESSION_COOKIE}={cookie}"} | ({"Origin": origin} if origin else {})
    data = {"status": status} | ({CSRF_FIELD: token} if token is not None else {})
    return await live.client.post(f"/web/agents/{agent_id}/status", data=data, headers=headers)
