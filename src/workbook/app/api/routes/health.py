"""Liveness and readiness probes."""

from fastapi import APIRouter, Response, status
from sqlalchemy import text

from workbook.app.api.deps import SessionDep

router = APIRouter(prefix="/health", tags=["health"])


@router.get("/live")
async def live() -> dict[str, str]:
    """The process is up. Checks nothing else, so a slow database never restarts the app."""
    return {"status": "ok"}


@router.get("/ready", responses={503: {"description": "A dependency is unavailable"}})
async def ready(session: SessionDep, response: Response) -> dict[str, str]:
    """Ready to serve traffic: the database answers a query."""
    try:
        await session.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to reach the database means "not ready"
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "unavailable", "database": type(exc).__name__}
    return {"status": "ready", "database": "ok"}
