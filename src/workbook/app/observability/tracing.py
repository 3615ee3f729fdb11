"""OpenTelemetry traces of one app instance: a span per request, a child span per SQL
statement.

Each app gets a TracerProvider of its own (never the process-wide global one), so spans of
two apps in one process never mix. Requests are traced by FastAPI itself: 0.165 (installed
here) opens a server span per request (named by method and route template) and a child span per
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
exporter is imported only then). Until one of them asks, no span is recorded and the
OpenTelemetry SDK is not even imported: the app's provider hands out tracers that start
non-recording spans (as OpenTelemetry's own no-op tracer does), and turns into the SDK's
the moment spans have somewhere to go; meanwhile FastAPI is told to skip its request
spans (``skip_request``). An app that nobody traces (every kata run) pays neither the
SDK's import (~50 ms here, psutil included) nor FastAPI's spans (~0.1 ms of CPU per
request, measured on /health/live).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode, Tracer
from sqlalchemy import event
from sqlalchemy.engine import Engine, ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine

from workbook.app.config import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider as SdkTracerProvider
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

SPAN_ATTRIBUTE = "_workbook_span"  # where a statement's open span waits for its end
NO_OP_TRACER = trace.NoOpTracer()


class OnDemandTracerProvider(trace.TracerProvider):
    """One app's tracer provider: no-op until ``sdk()`` is first called, the SDK's from then
    on, for the tracers it handed out before too."""

    def __init__(self, service_name: str) -> None:
        self.service_name = service_name
        self.sdk_provider: "SdkTracerProvider | None" = None

    def sdk(self) -> "SdkTracerProvider":
        """The SDK provider behind this one, made on first use."""
        if self.sdk_provider is None:
            from opentelemetry.sdk.resources import SERVICE_NAME, Resource
            from opentelemetry.sdk.trace import TracerProvider

            # shutdown_on_exit=False: no atexit hook per app instance (tests make hundreds).
            self.sdk_provider = TracerProvider(
                resource=Resource.create({SERVICE_NAME: self.service_name}), shutdown_on_exit=False
            )
        return self.sdk_provider

    def get_tracer(self, *args: Any, **kwargs: Any) -> Tracer:
        return OnDemandTracer(self, args, kwargs)


class OnDemandTracer(Tracer):
    """Starts its spans on the SDK's tracer once the provider has one, else no-op spans."""

    def __init__(self, provider: OnDemandTracerProvider, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self._provider, self._args, self._kwargs = provider, args, kwargs
        self._sdk_tracer: Tracer | None = None

    def _tracer(self) -> Tracer:
        if self._sdk_tracer is None and self._provider.sdk_provider is not None:
            self._sdk_tracer = self._provider.sdk_provider.get_tracer(*self._args, **self._kwargs)
        return self._sdk_tracer or NO_OP_TRACER

    def start_span(self, *args: Any, **kwargs: Any) -> trace.Span:
        return self._tracer().start_span(*args, **kwargs)

    @contextmanager
    def start_as_current_span(self, *args: Any, **kwargs: Any) -> Iterator[trace.Span]:
        with self._tracer().start_as_current_span(*args, **kwargs) as span:
            yield span


class Tracing:
    """The app's tracer provider, and the ways spans leave it."""

    def __init__(self, settings: Settings) -> None:
        self.provider = OnDemandTracerProvider(settings.service_name)
        self.tracer: Tracer = self.provider.get_tracer("workbook.app")
        self._engines: list[Engine] = []  # the app's engines, their statements traced once recording
        if settings.otlp_endpoint:
            self._export_over_otlp(settings.otlp_endpoint)

    def _export_over_otlp(self, endpoint: str) -> None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        self._recording_provider().add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))

    def _recording_provider(self) -> "SdkTracerProvider":
        """The SDK provider, made now if need be, with the statement hooks on every engine."""
        if not self.recording:
            self.provider.sdk()
            for engine in self._engines:
                trace_statements(engine, self.tracer)
        return self.provider.sdk()

    def record_spans(self) -> "InMemorySpanExporter":
        """Keep every span ended from now on in memory: ``.get_finished_spans()`` lists them,
        ``.clear()`` forgets them."""
        from opentelemetry.sdk.trace.export import SimpleSpanProcessor
        from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

        exporter = InMemorySpanExporter()
        self._recording_provider().add_span_processor(SimpleSpanProcessor(exporter))
        return exporter

    @property
    def recording(self) -> bool:
        """Whether spans go anywhere yet (an exporter attached, or OTLP configured)."""
        return self.provider.sdk_provider is not None

    def skip_request(self, scope: Any) -> bool:
        """For FastAPI's ``telemetry["exclude"]``: trace no request while nothing records,
        so an untraced app does not pay for FastAPI's (non-recording) spans either."""
        return not self.recording

    def flush(self) -> None:
        """Hand every ended span to its exporters now (the OTLP one batches)."""
        if self.provider.sdk_provider is not None:
            self.provider.sdk_provider.force_flush()

    def trace_engine(self, engine: AsyncEngine) -> None:
        """A CLIENT span per SQL statement the engine runs, child of the current span: from
        now on if spans are recorded, else from when they are.

        The hooks wait for a recorder because any engine event listener changes how a
        MissingGreenlet (chapter 03) ends on an async engine: with one, the failed lazy
        load leaves an un-awaited ``Connection.cursor`` coroutine behind, and a
        "coroutine ... was never awaited" RuntimeWarning reaches stderr (measured with
        SQLAlchemy 2.1.9 and aiosqlite; without listeners, nothing)."""
        self._engines.append(engine.sync_engine)
        if self.recording:
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
