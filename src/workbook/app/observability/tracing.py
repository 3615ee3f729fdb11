"""OpenTelemetry traces of one app instance: a span per request, a child span per SQL
statement.

Each app gets a TracerProvider of its own (never the process-wide global one), so spans of
two apps in one process never mix. Requests are traced by FastAPI itself: since 0.165 it
opens a server span per request (named by method and route template) and a child span per
dependency, endpoint and serialization, on the provider given as
``FastAPI(telemetry={"tracer_provider": ...})`` (create_app does). So neither
opentelemetry-instrumentation-fastapi nor -asgi is needed; FastAPI even switches its own
spans off when it finds their middleware, to avoid doubles.

Database calls are traced by the SQLAlchemy event hooks below, not by
opentelemetry-instrumentation-sqlalchemy: its 0.66b releases declare SQLAlchemy
``>= 1.0.0, < 2.1.0`` (this app runs 2.1), and its instrumentor is a process-wide
singleton, so a second app's engine would not be instrumented with that app's provider.
The hooks run inside SQLAlchemy's greenlet, which carries the request task's contextvars
(OpenTelemetry's current span among them): a statement's span is a child of the span of
the request that ran it.

Where spans go: ``record_spans()`` attaches an in-memory exporter (notebooks, tests);
with ``settings.otlp_endpoint`` set, a batch processor sends them over OTLP/HTTP (that
exporter is imported only then).
"""

from typing import Any

from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer
from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine

from workbook.app.config import Settings

SPAN_ATTRIBUTE = "_workbook_span"  # where a statement's open span waits for its end


class Tracing:
    """The app's tracer provider, and the ways spans leave it."""

    def __init__(self, settings: Settings) -> None:
        # shutdown_on_exit=False: no atexit hook per app instance (tests make hundreds);
        # the app's lifespan flushes instead.
        self.provider = TracerProvider(
            resource=Resource.create({SERVICE_NAME: settings.service_name}), shutdown_on_exit=False
        )
        self.tracer: Tracer = self.provider.get_tracer("workbook.app")
        if settings.otlp_endpoint:
            self._export_over_otlp(settings.otlp_endpoint)

    def _export_over_otlp(self, endpoint: str) -> None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        self.provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))

    def record_spans(self) -> InMemorySpanExporter:
        """Keep every span ended from now on in memory: ``.get_finished_spans()`` lists them,
        ``.clear()`` forgets them."""
        exporter = InMemorySpanExporter()
        self.provider.add_span_processor(SimpleSpanProcessor(exporter))
        return exporter

    def flush(self) -> None:
        self.provider.force_flush()

    def trace_engine(self, engine: AsyncEngine) -> None:
        """A CLIENT span per SQL statement the engine runs, child of the current span."""
        trace_statements(engine.sync_engine, self.tracer)


def trace_statements(engine: Engine, tracer: Tracer) -> None:
    system = engine.dialect.name

    def start(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracer.start_span(
            f"{operation} {system}",
            kind=SpanKind.CLIENT,
            # The statement as sent: placeholders, never the bound values.
            attributes={"db.system": system, "db.operation": operation, "db.statement": statement},
        )
        setattr(context, SPAN_ATTRIBUTE, span)

    def end(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        span = getattr(context, SPAN_ATTRIBUTE, None)
        if span is not None:
            span.end()

    def fail(exception_context: ExceptionContext) -> None:
        span = getattr(exception_context.execution_context, SPAN_ATTRIBUTE, None)
        if span is not None:
            span.record_exception(exception_context.original_exception)
            span.set_status(Status(StatusCode.ERROR, type(exception_context.original_exception).__name__))
            span.end()

    event.listen(engine, "before_cursor_execute", start)
    event.listen(engine, "after_cursor_execute", end)
    event.listen(engine, "handle_error", fail)
