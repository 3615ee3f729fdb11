"""Prometheus scrapes this app's metrics here."""

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

router = APIRouter(tags=["monitoring"])


# Not in the OpenAPI document: Prometheus' scrape target, not part of the API clients use.
@router.get("/metrics", response_class=Response, include_in_schema=False)
async def metrics(request: Request) -> Response:
    """This app instance's metrics, in Prometheus' text format: requests by route template,
    method and status; request latency; open WebSocket connections."""
    registry = request.app.state.metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
