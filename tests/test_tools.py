"""The one-line summaries that ``make run`` and ``consume`` print."""

from __future__ import annotations

import orjson
from aiokafka import ConsumerRecord

from service.tools import article_key, enriched_summary, summarize


def record(value: bytes, headers: list[tuple[str, bytes]] | None = None) -> ConsumerRecord:  # type: ignore[type-arg]
    return ConsumerRecord("t", 0, 7, 0, 0, b"k", value, None, len(value), 1, headers or [])


def test_enriched_summary_counts_entities_and_events_by_type() -> None:
    value = {
        "article": {"id": "a-1"},
        "entities": [{"id": "country:USA"}],
        "events": [{"type": "REJECTION"}, {"type": "TARIFF_THREAT"}, {"type": "REJECTION"}],
    }
    assert (
        enriched_summary(value) == "enriched a-1: 1 entity, 3 events (REJECTION×2, TARIFF_THREAT)"
    )
    skipped = {"article": {"id": "b"}, "entities": [], "events": [], "skipped": "language 'de'"}
    assert enriched_summary(skipped) == "enriched b: 0 entities, 0 events [skipped: language 'de']"


def test_summaries_of_dead_letters_and_events() -> None:
    dead = record(
        b"{", [("geopulse.error.class", b"invalid_json"), ("geopulse.error.message", b"m")]
    )
    assert summarize(dead) == "dead-letter  key='k'  invalid_json: m"
    event = {"schema": "geopulse.event.v1", "article_id": "a", "type": "CEASEFIRE", "actors": []}
    assert summarize(record(orjson.dumps(event))) == "event  a  CEASEFIRE  actors=[]"


def test_article_key_is_the_id_when_there_is_one() -> None:
    assert article_key(b'{"id": "x-1", "body": ""}') == b"x-1"
    assert article_key(b'{"id": 5}') is None
    assert article_key(b"not json") is None
