"""Read what the app reports about itself: its JSON log lines and its /metrics page
(shared by the monitoring tests, the chapter-09 katas and notebook 09)."""

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from prometheus_client.parser import text_string_to_metric_families

from workbook.app.observability.logs import ROOT_LOGGER, send_json_logs_to
from workbook.live import LiveApp


class LogLines:
    """The app's log lines since capture began, each parsed from its JSON."""

    def __init__(self, buffer: io.StringIO) -> None:
        self._buffer = buffer

    def all(self) -> list[dict[str, Any]]:
        lines = self._buffer.getvalue().splitlines()
        parsed = []
        for line in lines:
            try:
                parsed.append(json.loads(line))
            except json.JSONDecodeError:
                raise AssertionError(f"a log line is not JSON: {line!r}") from None
        return parsed

    def where(self, **fields: Any) -> list[dict[str, Any]]:
        """The lines whose fields include all of ``fields``."""
        return [line for line in self.all() if all(line.get(key) == value for key, value in fields.items())]

    def one(self, **fields: Any) -> dict[str, Any]:
        found = self.where(**fields)
        assert len(found) == 1, f"expected one log line with {fields}, found {len(found)}: {self.all()}"
        return found[0]


@contextmanager
def captured_logs() -> Iterator[LogLines]:
    """Capture the app's log lines (INFO and up) as JSON for the duration."""
    logger = logging.getLogger(ROOT_LOGGER)
    level = logger.level
    buffer = io.StringIO()
    handler = send_json_logs_to(buffer, logging.INFO)
    try:
        yield LogLines(buffer)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def metric_samples(live: LiveApp) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """GET /metrics and parse it: {(sample name, frozenset of label pairs): value}."""
    response = await live.client.get("/metrics")
    assert response.status_code == 200, response.text
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def labels(**pairs: str) -> frozenset[tuple[str, str]]:
    return frozenset(pairs.items())


def label_sets(samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str) -> list[dict[str, str]]:
    """The label sets of every sample named ``name``."""
    return [dict(pairs) for sample, pairs in samples if sample == name]


Counts = dict[tuple[str, str, str], float]  # {(route, method, status): requests}


class RequestCounts:
    """The app's ``http_requests_total`` read from its registry (no request made, so
    reading counts nothing): ``{(route, method, status): count}``."""

    def __init__(self, live: LiveApp) -> None:
        self._registry = live.app.state.metrics.registry

    def now(self) -> Counts:
        return {
            (sample.labels["route"], sample.labels["method"], sample.labels["status"]): sample.value
            for family in self._registry.collect()
            for sample in family.samples
            if sample.name == "http_requests_total"
        }

    @staticmethod
    def added(before: Counts, after: Counts) -> Counts:
        """The label sets counted between two readings, with how many requests each got."""
        return {key: value - before.get(key, 0) for key, value in after.items() if value != before.get(key, 0)}
