"""Liveness and readiness probes."""

from fastapi import APIRouter, Response, status

from workbook.app.api.deps import ReadinessCheckDep, SessionDep

router = APIRouter(prefix="/health", tags=["health"])


@router.get("/live")
async def live() -> dict[str, str]:
    """The process is up. Checks nothing else, so a slow database never restarts the app."""
    return {"status": "ok"}


@router.get("/ready", responses={503: {"description": "A dependency is unavailable"}})
async def ready(session: SessionDep, check: ReadinessCheckDep, response: Response) -> dict[str, str]:
    """Ready to serve traffic: the database answers a query. 503 otherwise, so a load
    balancer sends no traffic here until it does."""
    readiness = await check(session)
    if not readiness.ready:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "unavailable", "database": readiness.database}
    return {"status": "ready", "database": readiness.database}
