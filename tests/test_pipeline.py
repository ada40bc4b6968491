"""The per-message pipeline: the same bytes in give the same bytes out; bugs become dead letters."""

from __future__ import annotations

from typing import Any, ClassVar

import orjson
import pytest

from service.contracts import ErrorClass
from service.pipeline import Enriched, Pipeline, Rejected
from service.schemas import span_errors, validator
from service.tagging import load_tagger
from tests.articles import article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(load_tagger(), max_body_bytes=1 << 20, emit_events=True)


def test_enriched_record_validates_and_is_deterministic(pipeline: Pipeline) -> None:
    raw = orjson.dumps(article(0))
    first, second = pipeline.process(raw), pipeline.process(raw)
    assert isinstance(first, Enriched) and isinstance(second, Enriched)
    assert first.value == second.value and first.event_values == second.event_values
    record = orjson.loads(first.value)
    validator("enriched.v1").validate(record)
    assert span_errors(record, article(0)) == []
    assert record["events"], "the fixture article reports a tariff threat"
    assert len(first.event_values) == len(record["events"])
    for value, event in zip(first.event_values, record["events"], strict=True):
        message = orjson.loads(value)
        validator("event-message.v1").validate(message)
        assert message["article_id"] == "a-00000" and message["id"] == event["id"]


def test_other_languages_pass_through_with_a_reason(pipeline: Pipeline) -> None:
    raw = orjson.dumps({**article(0), "language": "de"})
    outcome = pipeline.process(raw)
    assert isinstance(outcome, Enriched)
    record = orjson.loads(outcome.value)
    assert record["events"] == [] and "de" in record["skipped"]
    validator("enriched.v1").validate(record)


def test_empty_body_is_valid_and_has_no_events(pipeline: Pipeline) -> None:
    outcome = pipeline.process(b'{"id": "e", "body": ""}')
    assert isinstance(outcome, Enriched) and outcome.events == []


def test_events_topic_off_emits_no_event_values() -> None:
    quiet = Pipeline(load_tagger(), max_body_bytes=1 << 20, emit_events=False)
    outcome = quiet.process(orjson.dumps(article(0)))
    assert isinstance(outcome, Enriched) and outcome.event_values == []


class _BrokenTagger:
    info: ClassVar[dict[str, str]] = {"name": "broken", "version": "0", "ruleset": "x"}

    def tag(self, article_id: str, body: str, title: str = "") -> tuple[list[Any], list[Any]]:
        raise RuntimeError("boom")


def test_a_tagger_bug_costs_one_dead_letter() -> None:
    outcome = Pipeline(_BrokenTagger(), 1000, True).process(orjson.dumps(article(1)))
    assert isinstance(outcome, Rejected)
    assert outcome.error.error_class is ErrorClass.TAGGER_ERROR
    assert "boom" in outcome.error.message
