"""Monitoring of the reference app (chapter 09): JSON logs with request context,
Prometheus metrics, OpenTelemetry traces, all set up per app instance by ``create_app``.

- ``logs``: structlog loggers rendering JSON lines; the request context bound in contextvars.
- ``request_context``: the pure-ASGI middleware that binds that context, takes or makes the
  request id, counts and times requests, and counts open WebSockets.
- ``metrics``: a Prometheus registry of the app's own, and the route labeller.
- ``tracing``: a tracer provider of the app's own, spans for requests and database calls.
"""
