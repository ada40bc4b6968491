"""The worker against a real broker: outputs, dead letters, and a crash mid-stream."""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

import orjson
import pytest

from service.broker import EmbeddedBroker
from service.config import Settings
from service.schemas import span_errors, validator
from tests.articles import messages
from tests.kafka_helpers import WorkerProcess, create_topics, drain, produce, unique_settings

pytestmark = pytest.mark.broker


def test_every_article_is_enriched_and_events_match(broker: EmbeddedBroker, tmp_path: Path) -> None:
    settings = unique_settings(broker.address)
    create_topics(settings)
    sent = messages(40)
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        produce(settings, sent)
        enriched = drain(settings, settings.output_topic, until=len(sent))
        assert settings.events_topic
        records = [orjson.loads(r.value) for r in enriched]
        expected_events = sum(len(r["events"]) for r in records)
        events = drain(settings, settings.events_topic, until=expected_events)
    finally:
        assert worker.terminate() == 0, worker.log_tail()

    assert sorted(r.key for r in enriched) == sorted(k for k, _ in sent)
    articles = {k: orjson.loads(v) for k, v in sent}
    for record, message in zip(records, enriched, strict=True):
        validator("enriched.v1").validate(record)
        assert span_errors(record, articles[message.key]) == []
        assert record["article"]["id"] == message.key.decode()
    # The events topic holds exactly the events of the enriched records, keyed by article.
    by_article = {(r["article"]["id"], e["id"]): e for r in records for e in r["events"]}
    seen = {}
    for message in events:
        value = orjson.loads(message.value)
        validator("event-message.v1").validate(value)
        seen[(message.key.decode(), value["id"])] = value
    assert seen.keys() == by_article.keys()
    for key, event in by_article.items():
        assert {k: seen[key][k] for k in event} == event
    assert expected_events > 0, "the test articles are written to contain events"


MALFORMED = {
    b"bad-json": (b"{not json", "invalid_json"),
    b"bad-utf8": (b'{"id": "x", "body": "\xff\xfe"}', "invalid_utf8"),
    b"no-id": (b'{"body": "text"}', "schema"),
    b"int-id": (b'{"id": 7, "body": "text"}', "schema"),
    b"no-body": (b'{"id": "x"}', "schema"),
    b"list-body": (b'{"id": "x", "body": ["a"]}', "schema"),
    b"not-object": (b'["id", "body"]', "schema"),
    b"empty": (b"", "empty"),
    b"too-large": (orjson.dumps({"id": "big", "body": "x" * 5000}), "too_large"),
}


def test_malformed_input_is_dead_lettered_and_stream_continues(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings = unique_settings(broker.address, partitions=1, GEOPULSE_MAX_BODY_BYTES="4096")
    create_topics(settings)
    good_before, good_after = messages(3, "before"), messages(3, "after")
    bad = [(key, value) for key, (value, _) in MALFORMED.items()]
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        produce(settings, good_before + bad + good_after)
        dead = drain(settings, settings.dlq_topic, until=len(bad))
        enriched = drain(settings, settings.output_topic, until=6)
    finally:
        assert worker.terminate() == 0, worker.log_tail()

    assert sorted(r.key for r in enriched) == sorted(k for k, _ in good_before + good_after)
    assert len(dead) == len(bad)
    for record in dead:
        value, error_class = MALFORMED[record.key]
        headers = {k: v.decode() for k, v in record.headers}
        assert record.value == value  # bytes untouched
        assert headers["geopulse.error.class"] == error_class
        assert headers["geopulse.source.topic"] == settings.input_topic
        assert headers["geopulse.source.partition"] == "0"
        validator("dead-letter.v1").validate(headers)


def test_sigkill_mid_stream_loses_nothing_and_repeats_identically(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings = unique_settings(broker.address, GEOPULSE_BATCH_MAX="20")
    create_topics(settings)
    sent = messages(4000, "k")
    first, second = sent[:2000], sent[2000:]
    log = tmp_path / "worker.log"
    worker = WorkerProcess(settings, log).start()
    worker.wait_ready()
    produce(settings, first)
    _wait_for_some_output(settings, minimum=100)
    worker.kill()
    done_at_kill = len(drain(settings, settings.output_topic, until=len(sent), timeout_s=1))
    assert done_at_kill < len(first), "the crash must come while input is still pending"
    produce(settings, second)  # arrives while no worker is alive
    restarted = WorkerProcess(settings, log).start()
    try:
        enriched = drain(settings, settings.output_topic, until=len(sent), timeout_s=120)
    finally:
        assert restarted.terminate() == 0, restarted.log_tail()

    values: dict[bytes, set[bytes]] = defaultdict(set)
    for record in enriched:
        values[record.key].add(record.value)
    assert set(values) == {k for k, _ in sent}, "every input ends in the output"
    assert all(len(v) == 1 for v in values.values()), "a repeated output is identical"


def _wait_for_some_output(settings: Settings, minimum: int, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if (
            len(drain(settings, settings.output_topic, until=minimum, timeout_s=2, settle_s=0))
            >= minimum
        ):
            return
    raise TimeoutError("worker produced nothing")
