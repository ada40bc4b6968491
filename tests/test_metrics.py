"""The metrics module: a known outcome in, the exact Prometheus samples out."""

from __future__ import annotations

import time
from typing import Any

import pytest

from service.contracts import Article
from service.metrics import LATENCY_BUCKETS, Metrics, PrometheusSensor
from service.pipeline import Enriched

ENTITIES = [
    {"id": "person:donald-trump", "type": "PERSON", "country": "country:USA"},
    {"id": "country:CAN", "type": "GPE"},
    {"id": "place:ottawa", "type": "GPE", "country": "country:CAN"},
    {"id": "org:acme", "type": "ORG", "country": "not-a-code"},
]
EVENTS = [
    {"type": "TARIFF_THREAT", "actors": ["person:donald-trump"]},
    {"type": "REJECTION", "actors": ["country:CAN", "place:ottawa"]},
    {"type": "TARIFF_THREAT", "actors": ["person:donald-trump", "country:CAN"]},
    {"type": "CRITICISM", "actors": ["org:acme"]},
]


def outcome(published_at: str | None = "2026-01-02T03:04:05Z", **over: Any) -> Enriched:
    fields = {"id": "a-1", "body": "text"}
    if published_at is not None:
        fields["published_at"] = published_at
    article = Article(id="a-1", body="text", title="", language="en", fields=fields)
    parts: dict[str, Any] = {
        "key": b"a-1",
        "value": b"{}",
        "event_values": [],
        "article": article,
        "entities": ENTITIES,
        "events": EVENTS,
        "tag_seconds": 0.002,
    }
    return Enriched(**(parts | over))


def value(m: Metrics, name: str, **labels: str) -> float | None:
    return m.registry.get_sample_value(name, labels)


def test_a_batch_counts_articles_entities_events_and_actor_countries() -> None:
    m = Metrics()
    m.observe_batch([(None, outcome()), (None, outcome())], now=time.time())
    assert value(m, "geopulse_articles_enriched_total") == 2
    assert value(m, "geopulse_entities_found_total", type="GPE") == 4
    assert value(m, "geopulse_entities_found_total", type="PERSON") == 2
    assert value(m, "geopulse_events_emitted_total", type="TARIFF_THREAT") == 4
    assert value(m, "geopulse_events_emitted_total", type="REJECTION") == 2
    by_country = "geopulse_events_by_actor_country_total"
    # One event with actors from two countries counts once for each country.
    assert value(m, by_country, type="TARIFF_THREAT", country="USA") == 4
    assert value(m, by_country, type="TARIFF_THREAT", country="CAN") == 2
    # Two actors of the same country count once; an actor with no ISO code counts as 'none'.
    assert value(m, by_country, type="REJECTION", country="CAN") == 2
    assert value(m, by_country, type="CRITICISM", country="none") == 2
    assert value(m, "geopulse_tagging_duration_seconds_count") == 2
    assert value(m, "geopulse_tagging_duration_seconds_bucket", le="0.0025") == 2
    assert value(m, "geopulse_tagging_duration_seconds_bucket", le="0.001") == 0


def test_latency_from_kafka_timestamp_and_published_at() -> None:
    m = Metrics()
    now = 1_767_323_045.0 + 100.0  # 100 s after 2026-01-02T03:04:05Z
    batch = [
        (now - 0.03, outcome()),
        (None, outcome(published_at="2026-01-02T04:04:05+01:00")),  # the same instant
        (now - 7.0, outcome(published_at=None)),
        (None, outcome(published_at="yesterday")),  # unparseable: no sample
        (None, outcome(published_at="2026-01-02T03:04:05")),  # no offset: not RFC 3339
    ]
    m.observe_batch(batch, now)
    h = "geopulse_end_to_end_latency_seconds"
    assert value(m, f"{h}_count", origin="kafka") == 2
    assert value(m, f"{h}_bucket", origin="kafka", le="0.05") == 1
    assert value(m, f"{h}_bucket", origin="kafka", le="10.0") == 2
    assert value(m, f"{h}_count", origin="published") == 2
    assert value(m, f"{h}_sum", origin="published") == pytest.approx(200.0)
    assert value(m, f"{h}_bucket", origin="published", le="60.0") == 0
    assert value(m, f"{h}_bucket", origin="published", le="300.0") == 2
    assert max(LATENCY_BUCKETS) >= 86400, "published_at latency can be hours"


def test_dead_letters_by_class_and_batch_bookkeeping() -> None:
    m = Metrics()
    m.observe_dead_letters(["schema", "schema", "invalid_json"])
    m.observe_dead_letters([])
    assert value(m, "geopulse_articles_dead_lettered_total", error_class="schema") == 2
    assert value(m, "geopulse_articles_dead_lettered_total", error_class="invalid_json") == 1
    # Every class exists from the start, so the first dead letter is a visible increase.
    assert value(m, "geopulse_articles_dead_lettered_total", error_class="too_large") == 0
    before = time.time()
    m.batch_done(7)
    assert value(m, "geopulse_batch_size_messages_count") == 1
    assert value(m, "geopulse_batch_size_messages_sum") == 7
    stamp = value(m, "geopulse_last_processed_timestamp_seconds")
    assert stamp is not None and before <= stamp <= time.time()


def test_build_info_and_names_follow_conventions() -> None:
    m = Metrics()
    m.describe_build({"ruleset": "rules-abc123"})
    labels = {s.name: s.labels for metric in m.registry.collect() for s in metric.samples}
    assert labels["geopulse_build_info"]["ruleset"] == "rules-abc123"
    assert labels["geopulse_build_info"]["version"]
    assert labels["geopulse_build_info"]["tagger_build"] in {"compiled", "python"}
    for metric in m.registry.collect():
        assert metric.name.startswith("geopulse_"), metric.name
        for sample in metric.samples:
            if metric.type == "counter":
                assert sample.name.endswith(("_total", "_created")), sample.name
            if metric.type == "histogram":
                assert metric.name.endswith(("_seconds", "_messages")), metric.name
            assert "id" not in sample.labels, "no per-article labels"


def test_faust_sensor_records_commits_rebalances_and_errors() -> None:
    m = Metrics()
    sensor = PrometheusSensor(m.faust)
    state = sensor.on_commit_initiated(consumer=None)  # type: ignore[arg-type]
    sensor.on_commit_completed(None, state)  # type: ignore[arg-type]
    rebalance = sensor.on_rebalance_start(None)  # type: ignore[arg-type]
    sensor.on_rebalance_end(None, rebalance)  # type: ignore[arg-type]
    sensor.on_send_error(None, RuntimeError("x"), None)  # type: ignore[arg-type]
    sensor.on_topic_buffer_full(None)
    assert value(m, "geopulse_faust_commit_duration_seconds_count") == 1
    assert value(m, "geopulse_faust_rebalances_total") == 1
    assert value(m, "geopulse_faust_rebalance_duration_seconds_count") == 1
    assert value(m, "geopulse_faust_send_errors_total") == 1
    assert value(m, "geopulse_faust_topic_buffer_full_total") == 1
