"""Map the services' domain errors to HTTP responses, in one place."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from workbook.app.services import Conflict, DomainError, Forbidden, NotFound, Unauthorized

STATUS_OF: dict[type[DomainError], int] = {Unauthorized: 401, Forbidden: 403, NotFound: 404, Conflict: 409}
# RFC 6750: a 401 names the authentication scheme it wants.
HEADERS_OF: dict[int, dict[str, str]] = {401: {"WWW-Authenticate": "Bearer"}}


class ErrorDetail(BaseModel):
    detail: str


# For `responses=` on routes, so OpenAPI documents the errors a route can answer.
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorDetail, "description": "Not found"}}
UNAUTHORIZED: dict[int | str, dict[str, Any]] = {401: {"model": ErrorDetail, "description": "Not authenticated"}}
FORBIDDEN: dict[int | str, dict[str, Any]] = {403: {"model": ErrorDetail, "description": "Not yours to change"}}
CONFLICT: dict[int | str, dict[str, Any]] = {409: {"model": ErrorDetail, "description": "Conflicts with what is stored"}}


async def domain_error_handler(request: Request, exc: Exception) -> JSONResponse:
    status = next(code for kind, code in STATUS_OF.items() if isinstance(exc, kind))
    return JSONResponse({"detail": str(exc)}, status_code=status, headers=HEADERS_OF.get(status))


async def http_error_handler(request: Request, exc: Exception) -> Response:
    """FastAPI's own answer to an HTTPException, except for a JSON body that could not be
    read: FastAPI answers a body that is not JSON text 422 (json_invalid), as every operation
    with a body documents, but one whose bytes are not UTF-8, or that is nested too deep for
    the parser, 400, which none documents (the OpenAPI fuzz run found the first). All three
    are a body that is not JSON the app can read: all three answer 422."""
    assert isinstance(exc, HTTPException)
    cause = exc.__cause__
    if exc.status_code == 400 and isinstance(cause, UnicodeDecodeError | RecursionError):
        why = f"not UTF-8 text ({cause.reason})" if isinstance(cause, UnicodeDecodeError) else "nested too deep"
        at = cause.start if isinstance(cause, UnicodeDecodeError) else 0
        error = {"type": "json_invalid", "loc": ("body", at), "msg": "JSON decode error", "input": {}, "ctx": {"error": why}}
        return await request_validation_exception_handler(request, RequestValidationError([error]))
    return await http_exception_handler(request, exc)


def register_error_handlers(app: FastAPI) -> None:
    for kind in STATUS_OF:
        app.add_exception_handler(kind, domain_error_handler)
    app.add_exception_handler(HTTPException, http_error_handler)
