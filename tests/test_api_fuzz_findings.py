"""What the OpenAPI fuzz run (test_api_fuzz.py) found, pinned down request by request:
an id too large for the database's INTEGER column was a 500, and a JSON body that is not
UTF-8 text was an undocumented 400. Both now answer the 422 of any other invalid input."""

import pytest

from workbook.app.schemas.ids import MAX_ROW_ID
from workbook.live import LiveApp

pytestmark = pytest.mark.database

TOO_LARGE = 248927909903712978468864  # one the fuzz run sent: past 64 bits, let alone 32


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/users/{id}"),
        ("GET", "/agents/{id}"),
        ("GET", "/agents/{id}/score"),
        ("DELETE", "/agents/{id}"),
        ("GET", "/agents?owner_id={id}"),
    ],
)
@pytest.mark.parametrize("row_id", [MAX_ROW_ID + 1, TOO_LARGE, 0])
async def test_an_id_no_row_can_have_is_a_422(live: LiveApp, method: str, url: str, row_id: int):
    user = await live.create_user()
    response = await live.client.request(method, url.format(id=row_id), headers=await live.auth_headers(user))
    assert response.status_code == 422, f"{method} {url.format(id=row_id)} answered {response.status_code}: {response.text}"
    assert response.json()["detail"][0]["type"] in {"less_than_equal", "greater_than_equal"}, response.text


async def test_the_largest_id_the_column_holds_is_looked_up(live: LiveApp):
    response = await live.client.get(f"/agents/{MAX_ROW_ID}")
    assert response.status_code == 404, response.text


async def test_the_openapi_document_says_what_an_id_can_be(live: LiveApp):
    parameters = live.app.openapi()["paths"]["/agents/{agent_id}"]["get"]["parameters"]
    assert parameters[0]["schema"] | {"title": None} == {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_ROW_ID,
        "title": None,
    }, parameters


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"\xb6s\xcb", "not UTF-8 text (invalid start byte)"),  # the fuzz run's
        ('{"email": "\u00e9@example.com"}'.encode("latin-1"), "not UTF-8 text (invalid continuation byte)"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deep"),
        (b"{", "Expecting property name enclosed in double quotes"),  # FastAPI's own answer, for comparison
    ],
)
async def test_a_json_body_the_app_cannot_read_is_a_422_json_invalid(live: LiveApp, body: bytes, error: str):
    response = await live.client.post("/users", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, f"POST /users with body {body[:20]!r}: {response.status_code} {response.text}"
    (detail,) = response.json()["detail"]
    assert (detail["type"], detail["loc"][0], detail["ctx"]["error"]) == ("json_invalid", "body", error), detail


async def test_other_http_errors_keep_fastapis_answers(live: LiveApp):
    missing = await live.client.get("/no/such/page")
    wrong_method = await live.client.put("/users")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not Found"}), missing.text
    assert (wrong_method.status_code, wrong_method.json()) == (405, {"detail": "Method Not Allowed"}), wrong_method.text
    assert wrong_method.headers.get("allow") == "POST", wrong_method.headers
