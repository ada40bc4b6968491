"""Prometheus metrics of the worker, named by Prometheus conventions (``geopulse_`` prefix,
base units, ``_total`` counters, ``_seconds`` histograms).

Label values are always from bounded sets (error classes, event and entity types, ISO
country codes, partitions): never article ids or free text, so series counts stay flat
however many articles flow through.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

from service import __version__
from service.pipeline import Enriched

# Tagging one ~2 KB article takes well under a millisecond; a 1 MiB body tens of ms.
TAG_BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5)
# From produce to emission: milliseconds when keeping up, minutes when catching up on lag.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600)
BATCH_BUCKETS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500)
NO_COUNTRY = "none"


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
            "geopulse_build", "Version and ruleset of the running worker.", registry=r
        )

    def describe_build(self, tagger_info: dict[str, str]) -> None:
        self.build.info(
            {
                "version": __version__,
                "ruleset": tagger_info.get("ruleset", ""),
                "python": platform.python_version(),
            }
        )

    def observe_enriched(self, outcome: Enriched, kafka_ts: float | None, now: float) -> None:
        """Count one enriched article and what was found in it."""
        self.enriched.inc()
        self.tag_seconds.observe(outcome.tag_seconds)
        for entity in outcome.entities:
            self.entities.labels(entity["type"]).inc()
        country_of = _countries(outcome.entities)
        for event in outcome.events:
            self.events.labels(event["type"]).inc()
            for country in _actor_countries(event["actors"], country_of):
                self.events_by_country.labels(event["type"], country).inc()
        if kafka_ts:  # Faust gives the message timestamp in seconds
            self.latency.labels("kafka").observe(max(0.0, now - kafka_ts))
        published = outcome.article.published_at
        if published:
            ts = _parse_rfc3339(published)
            if ts is not None:
                self.latency.labels("published").observe(max(0.0, now - ts))

    def batch_done(self, size: int) -> None:
        self.batch_size.observe(size)
        self.last_processed.set(time.time())


def _countries(entities: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Entity id → ISO alpha-3 of the country it is or belongs to."""
    out = {}
    for entity in entities:
        eid = entity["id"]
        country = eid if eid.startswith("country:") else entity.get("country")
        code = country.removeprefix("country:") if country else ""
        if len(code) == 3 and code.isalpha():  # keeps the label set to ISO codes
            out[eid] = code.upper()
    return out


def _actor_countries(actors: list[str], country_of: dict[str, str]) -> set[str]:
    found = {country_of[a] for a in actors if a in country_of}
    return found or {NO_COUNTRY}


def _parse_rfc3339(value: str) -> float | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None
