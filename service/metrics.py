"""Prometheus metrics of the worker, named by Prometheus conventions (``geopulse_`` prefix,
base units, ``_total`` counters, ``_seconds`` histograms).

Label values are always from bounded sets (error classes, event and entity types, ISO
country codes, partitions): never article ids or free text, so series counts stay flat
however many articles flow through. Counters are updated once per batch and label, not once
per message, to keep the hot path cheap.
"""

from __future__ import annotations

import platform
import time
from collections import Counter as Tally
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

import faust
from faust.types import AppT
from faust.types.transports import ConsumerT, ProducerT
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

from service import __version__, native
from service.contracts import ErrorClass
from service.pipeline import Enriched

# Tagging one ~2 KB article takes well under a millisecond; a 1 MiB body tens of ms.
TAG_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5)
# Kafka timestamp → emission: milliseconds when keeping up, minutes when catching up on lag;
# published_at → emission: minutes to hours (a news feed delivers articles late), up to days.
LATENCY_BUCKETS = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400,
)  # fmt: skip
BATCH_BUCKETS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500)
# Commits and rebalances: tens of milliseconds normally, seconds when the group is unsettled.
FAUST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
NO_COUNTRY = "none"
Timed = tuple[float | None, Enriched]  # (Kafka timestamp in seconds, outcome)


class Metrics:
    """All of the worker's metrics in one registry (one per worker; tests make their own)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.consumed = Counter(
            "geopulse_articles_consumed", "Input messages read from the articles topic.", registry=r
        )
        self.enriched = Counter(
            "geopulse_articles_enriched", "Enriched articles emitted.", registry=r
        )
        self.dead_lettered = Counter(
            "geopulse_articles_dead_lettered",
            "Input messages sent to the dead-letter topic, by error class.",
            ["error_class"],
            registry=r,
        )
        for error_class in ErrorClass:  # a series from 0, so rate() sees the first dead letter
            self.dead_lettered.labels(error_class.value)
        self.events = Counter(
            "geopulse_events_emitted", "Events found, by event type.", ["type"], registry=r
        )
        self.events_by_country = Counter(
            "geopulse_events_by_actor_country",
            "Events by type and the country of each actor ('none' when no actor has one).",
            ["type", "country"],
            registry=r,
        )
        self.entities = Counter(
            "geopulse_entities_found", "Entities found, by entity type.", ["type"], registry=r
        )
        self.tag_seconds = Histogram(
            "geopulse_tagging_duration_seconds",
            "Time to tag one article.",
            buckets=TAG_BUCKETS,
            registry=r,
        )
        self.latency = Histogram(
            "geopulse_end_to_end_latency_seconds",
            "From the article's origin to its enriched record being acknowledged by the broker;"
            " origin is 'kafka' (the input message timestamp) or 'published' (published_at).",
            ["origin"],
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.batch_size = Histogram(
            "geopulse_batch_size_messages",
            "Input messages handled per batch.",
            buckets=BATCH_BUCKETS,
            registry=r,
        )
        self.lag = Gauge(
            "geopulse_consumer_lag_messages",
            "Messages in the partition not yet processed by this worker.",
            ["topic", "partition"],
            registry=r,
        )
        self.end_offset = Gauge(
            "geopulse_consumer_end_offset",
            "The partition's log end offset (grows as input arrives), if assigned here.",
            ["topic", "partition"],
            registry=r,
        )
        self.last_processed = Gauge(
            "geopulse_last_processed_timestamp_seconds",
            "Unix time when this worker last finished a batch.",
            registry=r,
        )
        self.in_flight = Gauge(
            "geopulse_in_flight_messages",
            "Input messages taken from Kafka whose outputs are not yet acknowledged.",
            registry=r,
        )
        self.produce_retries = Counter(
            "geopulse_produce_retries",
            "Output batches re-sent after the broker failed to acknowledge them.",
            registry=r,
        )
        self.assigned_partitions = Gauge(
            "geopulse_assigned_partitions", "Input partitions assigned to this worker.", registry=r
        )
        self.build = Info(
            "geopulse_build",
            "Version, ruleset and tagger build (compiled or Python) of the running worker.",
            registry=r,
        )
        self.faust = FaustMetrics(r)
        # Label children looked up once: ``labels()`` takes a lock and builds a key each call,
        # and observe_batch made ~6 such calls per article (none of these series is removed).
        self._kafka_latency = self.latency.labels("kafka")
        self._published_latency = self.latency.labels("published")
        self._entity_counters: dict[str, Any] = {}
        self._event_counters: dict[str, Any] = {}
        self._country_counters: dict[tuple[str, str], Any] = {}

    def describe_build(self, tagger_info: dict[str, str]) -> None:
        self.build.info(
            {
                "version": __version__,
                "ruleset": tagger_info.get("ruleset", ""),
                "python": platform.python_version(),
                "tagger_build": native.build_name(),
            }
        )

    def observe_batch(self, batch: Sequence[Timed], now: float) -> None:
        """Count a batch of enriched articles, one counter update per label value."""
        entities: Tally[str] = Tally()
        events: Tally[str] = Tally()
        by_country: Tally[tuple[str, str]] = Tally()
        observe_tag = self.tag_seconds.observe
        observe_kafka = self._kafka_latency.observe
        observe_published = self._published_latency.observe
        for kafka_ts, outcome in batch:
            observe_tag(outcome.tag_seconds)
            entities.update([entity["type"] for entity in outcome.entities])
            if outcome.events:
                _count_events(outcome, events, by_country)
            if kafka_ts:  # Faust gives the message timestamp in seconds
                observe_kafka(max(0.0, now - kafka_ts))
            published = _parse_rfc3339(outcome.article.published_at or "")
            if published is not None:
                observe_published(max(0.0, now - published))
        self.enriched.inc(len(batch))
        _add(self.entities, self._entity_counters, entities)
        _add(self.events, self._event_counters, events)
        _add(self.events_by_country, self._country_counters, by_country)

    def observe_dead_letters(self, error_classes: Iterable[str]) -> None:
        for error_class, n in Tally(error_classes).items():
            self.dead_lettered.labels(error_class).inc(n)

    def batch_done(self, size: int) -> None:
        self.batch_size.observe(size)
        self.last_processed.set(time.time())


class FaustMetrics:
    """The few Faust internals worth a series: rebalances, commits, send and assignment errors."""

    def __init__(self, r: CollectorRegistry) -> None:
        self.rebalances = Counter(
            "geopulse_faust_rebalances", "Consumer group rebalances this worker took part in.",
            registry=r,
        )  # fmt: skip
        self.rebalance_seconds = Histogram(
            "geopulse_faust_rebalance_duration_seconds",
            "From a rebalance starting to this worker resuming (including recovery).",
            buckets=FAUST_BUCKETS,
            registry=r,
        )
        self.commit_seconds = Histogram(
            "geopulse_faust_commit_duration_seconds",
            "Time to commit input offsets to the broker.",
            buckets=FAUST_BUCKETS,
            registry=r,
        )
        self.send_errors = Counter(
            "geopulse_faust_send_errors", "Records the producer failed to send.", registry=r
        )
        self.assignment_errors = Counter(
            "geopulse_faust_assignment_errors", "Partition assignments that failed.", registry=r
        )
        self.buffer_full = Counter(
            "geopulse_faust_topic_buffer_full",
            "Times the agent's input buffer was full, so fetching waited (backpressure).",
            registry=r,
        )


class PrometheusSensor(faust.Sensor):
    """Feeds :class:`FaustMetrics` from Faust's sensor hooks.

    Faust's own ``faust.sensors.prometheus`` observes milliseconds, names series without our
    prefix and does work for every message; this sensor only implements rare hooks, so the
    per-message path stays Faust's no-op.
    """

    def __init__(self, metrics: FaustMetrics, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._m = metrics

    def on_commit_initiated(self, consumer: ConsumerT) -> Any:
        return time.monotonic()

    def on_commit_completed(self, consumer: ConsumerT, state: Any) -> None:
        if isinstance(state, float):
            self._m.commit_seconds.observe(time.monotonic() - state)

    def on_send_error(self, producer: ProducerT, exc: BaseException, state: Any) -> None:
        self._m.send_errors.inc()

    def on_assignment_error(self, assignor: Any, state: dict[str, Any], exc: BaseException) -> None:
        self._m.assignment_errors.inc()

    def on_rebalance_start(self, app: AppT) -> dict[str, Any]:
        self._m.rebalances.inc()
        return {"time_start": time.monotonic()}

    def on_rebalance_end(self, app: AppT, state: dict[str, Any]) -> None:
        started = state.get("time_start")
        if isinstance(started, float):
            self._m.rebalance_seconds.observe(time.monotonic() - started)

    def on_topic_buffer_full(self, tp: Any) -> None:
        self._m.buffer_full.inc()


def _add(metric: Counter, children: dict[Any, Any], counts: Tally[Any]) -> None:
    """``metric.labels(*key).inc(n)`` for each key, the label children cached in ``children``."""
    for key, n in counts.items():
        child = children.get(key)
        if child is None:
            child = children[key] = (
                metric.labels(*key) if isinstance(key, tuple) else metric.labels(key)
            )
        child.inc(n)


def _count_events(
    outcome: Enriched, events: Tally[str], by_country: Tally[tuple[str, str]]
) -> None:
    country_of = _countries(outcome.entities)
    for event in outcome.events:
        kind = event["type"]
        events[kind] += 1
        found = {country_of[a] for a in event["actors"] if a in country_of} if country_of else None
        if found:
            for country in found:
                by_country[kind, country] += 1
        else:
            by_country[kind, NO_COUNTRY] += 1


def _countries(entities: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Entity id → ISO alpha-3 of the country it is or belongs to."""
    out = {}
    for entity in entities:
        eid = entity["id"]
        country = eid if eid.startswith("country:") else entity.get("country")
        if country:
            code = country.removeprefix("country:")
            if len(code) == 3 and code.isalpha():  # keeps the label set to ISO codes
                out[eid] = code.upper()
    return out


@lru_cache(maxsize=1024)
def _parse_rfc3339(value: str) -> float | None:
    """Unix time of an RFC 3339 string (cached: a feed repeats the same few timestamps)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.timestamp() if parsed.tzinfo is not None else None
