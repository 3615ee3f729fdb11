"""The API client with an auth store (workbook.client) against the live app: one refresh
and one retry on 401, logout() when the session is over, never a loop, and one refresh for
many concurrent 401s."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from workbook.app.config import Settings
from workbook.client import ApiClient, AuthStore, SessionExpired
from workbook.client.testing import Logouts, Traffic, expired_access_token, watched_http
from workbook.live import LiveApp

pytestmark = pytest.mark.database


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def logouts() -> Logouts:
    return Logouts()


async def started_client(live: LiveApp, traffic: Traffic, logouts: Logouts, tokens: dict[str, Any]) -> ApiClient:
    http = watched_http(live, traffic)
    store = AuthStore(on_logout=logouts)
    store.set_tokens(access_token=tokens["access_token"], refresh_token=tokens["refresh_token"])
    return ApiClient(http, store)


@pytest.fixture
async def user(live: LiveApp) -> dict[str, Any]:
    return await live.create_user()


@pytest.fixture
async def api(live: LiveApp, user, traffic: Traffic, logouts: Logouts) -> AsyncIterator[ApiClient]:
    """A client logged in as ``user``, whose access token has expired."""
    tokens = await live.login(user)
    client = await started_client(live, traffic, logouts, {**tokens, "access_token": expired_access_token(live, user["id"])})
    async with client.http:
        yield client


async def test_an_expired_access_token_is_refreshed_once_and_the_request_succeeds(api: ApiClient, traffic, logouts, user):
    old_refresh = api.store.refresh_token
    response = await api.get("/users/me")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == user["id"]
    assert traffic.sent == {"/users/me": 2, "/auth/refresh": 1}, traffic.sent
    assert api.store.refresh_token != old_refresh, "the rotated refresh token is kept"
    assert logouts.count == 0 and not api.store.login_required
    again = await api.get("/users/me")  # the new token works without another refresh
    assert again.status_code == 200 and traffic.sent["/auth/refresh"] == 1, traffic.sent


async def test_after_server_logout_the_client_refreshes_once_then_logs_out(live: LiveApp, api: ApiClient, traffic, logouts):
    response = await live.client.post("/auth/logout", json={"refresh_token": api.store.refresh_token})
    assert response.status_code == 204, response.text
    with pytest.raises(SessionExpired, match="refresh refused"):
        await api.get("/users/me")
    assert traffic.sent == {"/users/me": 1, "/auth/refresh": 1}, traffic.sent
    assert logouts.count == 1, f"on_logout was called {logouts.count} times"
    assert api.store.access_token is None and api.store.refresh_token is None and api.store.login_required
    with pytest.raises(SessionExpired, match="not logged in"):
        await api.get("/users/me")
    assert sum(traffic.sent.values()) == 2, "nothing is sent once logged out"


async def test_a_server_that_keeps_answering_401_ends_in_logout_not_a_loop(user, traffic, logouts):
    # Every access token this app issues is expired at once: the refresh works, the
    # request with its fresh token is still refused.
    async with await LiveApp.start(Settings(access_token_ttl_s=0)) as live:
        user = await live.create_user()
        api = await started_client(live, traffic, logouts, await live.login(user))
        async with api.http:
            with pytest.raises(SessionExpired, match="fresh token"):
                await api.get("/users/me")
    assert traffic.sent == {"/users/me": 2, "/auth/refresh": 1}, traffic.sent
    assert logouts.count == 1 and api.store.access_token is None


async def test_concurrent_401s_share_one_refresh(api: ApiClient, traffic, logouts):
    everyone_refused = asyncio.Event()
    requests = 5
    traffic.limit = 2 * requests + 1  # each: refused, then retried; and one refresh

    async def hold_refresh_until_all_are_refused(request: httpx.Request) -> None:
        if request.url.path == "/auth/refresh":
            await asyncio.wait_for(everyone_refused.wait(), timeout=2)

    async def note_refusal(response: httpx.Response) -> None:
        if traffic.refused == requests:
            everyone_refused.set()

    api.http.event_hooks["request"].append(hold_refresh_until_all_are_refused)
    api.http.event_hooks["response"].append(note_refusal)
    responses = await asyncio.gather(*(api.get("/users/me") for _ in range(requests)))
    assert [r.status_code for r in responses] == [200] * requests, [r.text for r in responses]
    assert traffic.refused == requests, "every request met the expired token first"
    assert traffic.sent["/auth/refresh"] == 1, f"{traffic.sent['/auth/refresh']} refreshes for {requests} 401s"
    assert logouts.count == 0


async def test_other_errors_are_returned_without_a_refresh(api: ApiClient, traffic):
    await api.get("/users/me")  # refreshes the expired token first
    response = await api.get("/users/999999")
    assert response.status_code == 404, response.text
    assert traffic.sent["/auth/refresh"] == 1, traffic.sent


async def test_a_client_that_is_not_logged_in_sends_nothing(live: LiveApp, traffic, logouts):
    async with watched_http(live, traffic) as http:
        with pytest.raises(SessionExpired):
            await ApiClient(http, AuthStore()).get("/users/me")
    assert not traffic.sent
