"""Map the services' domain errors to HTTP responses, in one place."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

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


def register_error_handlers(app: FastAPI) -> None:
    for kind in STATUS_OF:
        app.add_exception_handler(kind, domain_error_handler)
