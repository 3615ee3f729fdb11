"""The in-process identity provider keeps the authorization-code + PKCE rules: exact
redirect_uri, S256 only, codes single-use, short-lived and bound to client, redirect_uri and
challenge. Each test drives it as a client would, over HTTP (httpx.ASGITransport)."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from workbook.app.security.pkce import new_code_verifier, s256_challenge
from workbook.idp import IDP_URL, RegisteredClient, create_idp

CALLBACK = "http://live.test/auth/oauth/callback"
OTHER_CALLBACK = "http://live.test/other/callback"


class Clock:
    def __init__(self) -> None:
        self.current = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def idp(clock: Clock) -> AsyncIterator[httpx.AsyncClient]:
    app = create_idp(
        clients=[
            RegisteredClient("workbook", (CALLBACK, OTHER_CALLBACK)),
            RegisteredClient("other-app", ("http://other.test/callback",)),
        ],
        now=clock.now,
    )
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=IDP_URL) as http:
        yield http


def authorize_params(verifier: str, **overrides: str) -> dict[str, str]:
    params = {
        "client_id": "workbook",
        "redirect_uri": CALLBACK,
        "response_type": "code",
        "state": "s-123",
        "code_challenge": s256_challenge(verifier),
        "code_challenge_method": "S256",
        "login_hint": "ada@example.com",
    }
    return {**params, **overrides}


async def authorize(idp: httpx.AsyncClient, verifier: str, **overrides: str) -> dict[str, str]:
    """GET /authorize; expect a redirect to the redirect_uri; its query parameters."""
    response = await idp.get("/authorize", params=authorize_params(verifier, **overrides))
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    redirect_uri = overrides.get("redirect_uri", CALLBACK)
    assert location.startswith(redirect_uri + "?"), location
    return {key: values[0] for key, values in parse_qs(urlsplit(location).query).items()}


async def redeem(idp: httpx.AsyncClient, code: str, verifier: str, **overrides: str) -> httpx.Response:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": CALLBACK,
        "client_id": "workbook",
        "code_verifier": verifier,
        **overrides,
    }
    return await idp.post("/token", data=form)


def refused(response: httpx.Response, why: str) -> None:
    assert response.status_code == 400, f"expected 400 invalid_grant ({why}), got {response.status_code}: {response.text}"
    assert response.json()["error"] == "invalid_grant", response.text


async def test_code_with_the_right_verifier_buys_a_token_that_names_the_user(idp):
    verifier = new_code_verifier()
    back = await authorize(idp, verifier)
    assert back["state"] == "s-123" and back["code"]
    response = await redeem(idp, back["code"], verifier)
    assert response.status_code == 200, response.text
    token = response.json()["access_token"]
    info = await idp.get("/userinfo", headers={"Authorization": f"Bearer {token}"})
    assert info.status_code == 200, info.text
    assert info.json()["email"] == "ada@example.com" and info.json()["email_verified"] is True


async def test_a_replayed_code_is_refused_and_revokes_the_token_it_bought(idp):
    verifier = new_code_verifier()
    code = (await authorize(idp, verifier))["code"]
    first = await redeem(idp, code, verifier)
    assert first.status_code == 200, first.text
    refused(await redeem(idp, code, verifier), "the code was used already")
    info = await idp.get("/userinfo", headers={"Authorization": f"Bearer {first.json()['access_token']}"})
    assert info.status_code == 401, f"the token bought with a replayed code still works: {info.text}"


async def test_a_wrong_code_verifier_is_refused_and_spends_the_code(idp):
    verifier = new_code_verifier()
    code = (await authorize(idp, verifier))["code"]
    refused(await redeem(idp, code, new_code_verifier()), "another verifier than the challenge's")
    refused(await redeem(idp, code, verifier), "a code refused once is spent: no second guess")


async def test_a_missing_code_verifier_is_refused(idp):
    verifier = new_code_verifier()
    code = (await authorize(idp, verifier))["code"]
    refused(await redeem(idp, code, ""), "no verifier")


async def test_a_code_is_refused_at_another_redirect_uri_than_it_was_issued_for(idp):
    verifier = new_code_verifier()
    code = (await authorize(idp, verifier))["code"]
    refused(await redeem(idp, code, verifier, redirect_uri=OTHER_CALLBACK), "redirect_uri differs")


async def test_a_code_is_refused_for_another_client(idp):
    verifier = new_code_verifier()
    code = (await authorize(idp, verifier))["code"]
    refused(
        await redeem(idp, code, verifier, client_id="other-app", redirect_uri="http://other.test/callback"),
        "client_id differs",
    )


async def test_an_expired_code_is_refused(idp, clock: Clock):
    verifier = new_code_verifier()
    code = (await authorize(idp, verifier))["code"]
    clock.current += timedelta(seconds=61)
    refused(await redeem(idp, code, verifier), "61 s after it was issued (codes live 60 s)")


@pytest.mark.parametrize(
    "overrides",
    [
        {"redirect_uri": "http://evil.test/callback"},
        {"redirect_uri": CALLBACK + "/"},  # exact match: not a prefix, not "close enough"
        {"redirect_uri": CALLBACK + "?next=http://evil.test"},
        {"client_id": "unknown"},
    ],
    ids=["other-host", "trailing-slash", "extra-query", "unknown-client"],
)
async def test_authorize_refuses_an_unregistered_redirect_uri_without_redirecting(idp, overrides):
    response = await idp.get("/authorize", params=authorize_params(new_code_verifier(), **overrides))
    assert response.status_code == 400, f"expected 400 and no redirect, got {response.status_code} {response.headers}"
    assert "location" not in response.headers


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"code_challenge_method": ""}, "invalid_request"),
        ({"code_challenge": ""}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
    ],
    ids=["plain", "no-method", "no-challenge", "implicit"],
)
async def test_authorize_sends_an_error_and_no_code_without_an_s256_challenge(idp, overrides, error):
    back = await authorize(idp, new_code_verifier(), **overrides)
    assert "code" not in back, f"{overrides} still got a code: {back}"
    assert back["error"] == error and back["state"] == "s-123", back


async def test_userinfo_refuses_an_unknown_token(idp):
    response = await idp.get("/userinfo", headers={"Authorization": "Bearer made-up"})
    assert response.status_code == 401, response.text


async def test_a_provider_without_required_pkce_lets_whoever_holds_a_code_redeem_it():
    """What PKCE prevents: the same provider with require_pkce=False hands a code to a
    request without challenge, and the code alone then buys a token."""
    app = create_idp(require_pkce=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=IDP_URL) as idp:
        back = await authorize(idp, "", code_challenge="", code_challenge_method="")
        response = await redeem(idp, back["code"], "")
        assert response.status_code == 200, response.text
        verifier = new_code_verifier()  # a request WITH a challenge is still held to it
        refused(await redeem(idp, (await authorize(idp, verifier))["code"], ""), "challenge sent, no verifier")
