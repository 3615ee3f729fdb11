"""Map the services' domain errors to HTTP responses, in one place."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from workbook.app.services import Conflict, DomainError, NotFound

STATUS_OF: dict[type[DomainError], int] = {NotFound: 404, Conflict: 409}


async def domain_error_handler(request: Request, exc: Exception) -> JSONResponse:
    status = next(code for kind, code in STATUS_OF.items() if isinstance(exc, kind))
    return JSONResponse({"detail": str(exc)}, status_code=status)


def register_error_handlers(app: FastAPI) -> None:
    for kind in STATUS_OF:
        app.add_exception_handler(kind, domain_error_handler)
