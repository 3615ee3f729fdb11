"""Kata 07 — the client that ignores 401.

Each test logs a new user in to the live app, gives your ApiClient an AuthStore holding
an access token that has EXPIRED and the user's refresh token, and calls GET /users/me
through it. The client's traffic is counted; a client that keeps sending is stopped after
a few requests (and the test says so), never left to loop.
"""

from dataclasses import dataclass
from datetime import timedelta
from types import ModuleType

import httpx
import pytest

from workbook.app.api.deps import get_token_service
from workbook.app.security.tokens import TokenService
from workbook.client import AuthStore
from workbook.client.testing import Logouts, RunawayClient, Traffic, expired_access_token, watched_http
from workbook.live import LiveApp

LIMIT = 6  # a correct client sends at most 3 requests for one call
ONE_REFRESH = {"/users/me": 2, "/auth/refresh": 1}  # refused, refreshed, retried


@pytest.fixture(scope="module")
async def live():
    """The reference app. One app for this file's tests; each test logs in a user of its own."""
    async with await LiveApp.start() as live:
        yield live


@pytest.fixture(scope="module")
def component(kata) -> ModuleType:
    """Your api_client.py."""
    return kata.component("api_client")


@dataclass
class Session:
    api: object
    store: AuthStore
    traffic: Traffic
    logouts: Logouts
    error_type: type[Exception]


@pytest.fixture
async def session(live: LiveApp, component: ModuleType):
    """Your client, logged in as a new user, holding an expired access token."""
    user = await live.create_user()
    tokens = await live.login(user)
    logouts, traffic = Logouts(), Traffic(limit=LIMIT)
    store = AuthStore(on_logout=logouts)
    store.set_tokens(access_token=expired_access_token(live, user["id"]), refresh_token=tokens["refresh_token"])
    async with watched_http(live, traffic) as http:
        yield Session(component.ApiClient(http, store), store, traffic, logouts, component.SessionExpired)


async def get_me(session: Session) -> tuple[httpx.Response | None, Exception | None]:
    """GET /users/me through your client: (the response, None) or (None, SessionExpired)."""
    try:
        return await session.api.get("/users/me"), None
    except session.error_type as exc:
        return None, exc
    except RunawayClient:
        raise AssertionError(
            f"GET /users/me through your client sent {session.traffic.total} requests and was still "
            f"going ({dict(session.traffic.sent)}), so the test stopped it. A client that answers "
            f"every 401 with another try loops for ever once the session is over. Expected: after "
            f"a 401, refresh ONCE and retry ONCE; if that is refused too, store.logout() and raise "
            f"SessionExpired."
        ) from None


def outcome(response: httpx.Response | None, error: Exception | None) -> str:
    return f"raised {type(error).__name__}: {error}" if error else f"answered {response.status_code}: {response.text}"


async def test_an_expired_access_token_is_refreshed_once_and_the_request_retried(session: Session):
    response, error = await get_me(session)
    succeeded = error is None and response.status_code == 200
    assert succeeded, (
        f"with an expired access token and a valid refresh token, GET /users/me through your "
        f"client {outcome(response, error)}, after sending {dict(session.traffic.sent)}. Expected "
        f"200: the 401 is answered with one POST /auth/refresh, and the request is sent again "
        f"with the new access token."
    )
    one_refresh = session.traffic.sent == ONE_REFRESH
    assert one_refresh, (
        f"the call succeeded, but your client sent {dict(session.traffic.sent)}; expected "
        f"{ONE_REFRESH}: one refusal, one refresh, one retry"
    )
    assert session.logouts.count == 0, "store.logout() was called although the refresh worked"


async def test_the_refreshed_tokens_are_kept(session: Session):
    old_refresh = session.store.refresh_token
    await get_me(session)
    second, error = await get_me(session)
    kept = session.store.refresh_token != old_refresh and session.traffic.sent["/auth/refresh"] == 1
    assert kept, (
        f"two calls after the access token expired sent {dict(session.traffic.sent)}, and the store's "
        f"refresh token is {'unchanged' if session.store.refresh_token == old_refresh else 'new'}. "
        f"Expected one refresh whose new pair goes into the store (store.set_tokens): refresh tokens "
        f"rotate, and the old one is revoked by the refresh itself."
    )
    second_ok = error is None and second.status_code == 200
    assert second_ok, f"the second call {outcome(second, error)}"


async def test_after_the_session_ends_the_client_refreshes_once_then_logs_out(live: LiveApp, session: Session):
    ended = await live.client.post("/auth/logout", json={"refresh_token": session.store.refresh_token})
    assert ended.status_code == 204, ended.text
    response, error = await get_me(session)
    seen = (
        f"your client {outcome(response, error)}; it sent {dict(session.traffic.sent)}, "
        f"store.logout() was called {session.logouts.count} time(s), and the store still holds "
        f"{'tokens' if session.store.access_token or session.store.refresh_token else 'no tokens'}"
    )
    one_refresh_attempt = session.traffic.sent == {"/users/me": 1, "/auth/refresh": 1}
    assert one_refresh_attempt, (
        f"the session was ended on the server (POST /auth/logout) and the access token has expired. "
        f"Expected exactly one POST /auth/refresh attempt after the 401, refused; but {seen}."
    )
    logged_out = session.logouts.count == 1 and session.store.access_token is None and session.store.refresh_token is None
    assert logged_out, (
        f"the refresh was refused: the session is over. Expected store.logout() (tokens cleared, the "
        f"app told to show the login), once; but {seen}."
    )
    raised = isinstance(error, session.error_type)
    assert raised, (
        f"the session is over and the store logged out; expected the call to raise SessionExpired "
        f"(so the caller stops), but {seen}."
    )


async def test_a_server_that_keeps_answering_401_ends_in_logout_not_a_loop(live: LiveApp, session: Session):
    # From now on every access token the app issues is expired at once: the refresh works,
    # and the request is refused again even with the new token.
    settings = live.app.state.settings
    expiring = TokenService(
        secret=settings.jwt_secret.get_secret_value(), access_ttl=timedelta(0), refresh_ttl=timedelta(days=1)
    )
    live.app.dependency_overrides[get_token_service] = lambda: expiring
    try:
        response, error = await get_me(session)
    finally:
        del live.app.dependency_overrides[get_token_service]
    gave_up = session.traffic.sent == ONE_REFRESH
    assert gave_up, (
        f"the server refuses the request even with a freshly refreshed token. Expected one refresh "
        f"and one retry ({ONE_REFRESH}), then give up; your client sent {dict(session.traffic.sent)} "
        f"and {outcome(response, error)}."
    )
    ended = session.logouts.count == 1 and isinstance(error, session.error_type)
    assert ended, (
        f"refused again after a successful refresh: expected store.logout() and SessionExpired, but "
        f"your client {outcome(response, error)} and store.logout() was called {session.logouts.count} time(s)."
    )


async def test_other_errors_are_answered_without_a_refresh(live: LiveApp, session: Session):
    await get_me(session)  # the expired token is refreshed here
    before = dict(session.traffic.sent)
    try:
        response = await session.api.get("/users/999999")
    except session.error_type as exc:
        raise AssertionError(f"GET /users/999999 (no such user: 404) raised {exc!r}; expected the 404 response") from None
    as_it_is = response.status_code == 404 and session.traffic.sent["/auth/refresh"] == before.get("/auth/refresh", 0)
    assert as_it_is, (
        f"GET /users/999999 answered {response.status_code} and your client sent "
        f"{dict(session.traffic.sent)} (before: {before}). Expected the 404 as it is: only a 401 "
        f"says the token is the problem."
    )
