"""The message schemas are valid, accept what contracts.md promises and reject what it forbids."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from service.schemas import load_schema, schema_names, span_errors, validator

TITLE = "Acme Republic threatens tariffs"
BODY = "Minister Jane Roe said Acme would impose a 25% tariff on steel. Talks continue."


def _article() -> dict[str, Any]:
    return {
        "id": "test-1",
        "title": TITLE,
        "body": BODY,
        "source": "wire",
        "url": "https://example.org/a/1",
        "published_at": "2025-03-31T09:00:00Z",
        "language": "en",
        "metadata": {"desk": "trade"},
        "unknown_future_field": 1,
    }


def _event() -> dict[str, Any]:
    return {
        "id": "ev-0001",
        "type": "TARIFF_THREAT",
        "field": "body",
        "sentence": {"start": 0, "end": 63, "text": BODY[0:63]},
        "trigger": {"start": 34, "end": 40, "text": "impose"},
        "actors": ["person:jane-roe"],
        "targets": [],
        "attributes": {"rate_pct": [25], "commodity": ["commodity:steel"]},
        "modality": "asserted",
        "confidence": 0.9,
        "cameo": "1312",
        "plover": "THREATEN",
    }


def _enriched() -> dict[str, Any]:
    article = {k: v for k, v in _article().items() if k not in ("body", "unknown_future_field")}
    return {
        "schema": "geopulse.enriched.v1",
        "article": article,
        "entities": [
            {
                "id": "person:jane-roe",
                "type": "PERSON",
                "name": "Jane Roe",
                "country": None,
                "mentions": [{"field": "body", "start": 9, "end": 17, "text": "Jane Roe"}],
            },
            {
                "id": "commodity:steel",
                "type": "COMMODITY",
                "name": "steel",
                "mentions": [{"field": "body", "start": 57, "end": 62, "text": "steel"}],
            },
            {
                "id": "place:acme-republic",
                "type": "GPE",
                "name": "Acme Republic",
                "country": "country:USA",
                "mentions": [{"field": "title", "start": 0, "end": 13, "text": "Acme Republic"}],
            },
        ],
        "events": [_event()],
        "tagger": {"name": "geopulse", "version": "0.1.0", "ruleset": "abc123"},
    }


def _event_message() -> dict[str, Any]:
    return {
        **_event(),
        "schema": "geopulse.event.v1",
        "article_id": "test-1",
        "published_at": "2025-03-31T09:00:00+02:00",
        "source": "wire",
        "tagger": {"name": "geopulse", "version": "0.1.0", "ruleset": "abc123"},
    }


def _dead_letter() -> dict[str, Any]:
    return {
        "geopulse.error.class": "invalid_json",
        "geopulse.error.message": "Expecting value: line 1 column 1 (char 0)",
        "geopulse.source.topic": "news.articles",
        "geopulse.source.partition": "3",
        "geopulse.source.offset": "1024",
        "geopulse.failed_at": "2025-03-31T09:00:01.250Z",
        "traceparent": "00-abc-def-01",
    }


VALID = {
    "article.v1": _article,
    "event.v1": _event,
    "enriched.v1": _enriched,
    "event-message.v1": _event_message,
    "dead-letter.v1": _dead_letter,
}


def _parent(record: dict[str, Any], path: str) -> tuple[Any, Any]:
    """Walk the dotted `path` (list indices as digits) to the container of its last part."""
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node: Any = record
    for part in parents:
        node = node[part]
    return node, last


def _set(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `record` with `path` set to `value`."""
    out = copy.deepcopy(record)
    node, last = _parent(out, path)
    node[last] = value
    return out


def _drop(record: dict[str, Any], path: str) -> dict[str, Any]:
    """A copy of `record` without `path`."""
    out = copy.deepcopy(record)
    node, last = _parent(out, path)
    del node[last]
    return out


def _is_valid(name: str, record: Any) -> bool:
    return validator(name).is_valid(record)


def test_every_schema_file_is_covered() -> None:
    assert schema_names() == sorted(VALID)


@pytest.mark.parametrize("name", sorted(VALID))
def test_schema_is_valid_2020_12_with_id_and_descriptions(name: str) -> None:
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"https://geopulse.dev/schemas/{name}.json"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for field, sub in schema.get("properties", {}).items():
        assert "description" in sub or "$ref" in sub, f"{name}: {field} has no description"


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_example_passes(name: str) -> None:
    validator(name).validate(VALID[name]())


def test_validator_is_cached_and_accepts_file_names() -> None:
    assert validator("enriched.v1") is validator("enriched.v1")
    assert validator("event.v1.json").is_valid(_event())
    with pytest.raises(KeyError):
        load_schema("nope.v1")


def test_article_minimal_and_optional_fields() -> None:
    assert _is_valid("article.v1", {"id": "x", "body": ""})
    assert not _is_valid("article.v1", {"id": "", "body": "b"})
    assert not _is_valid("article.v1", {"id": "x" * 257, "body": "b"})
    assert _is_valid("article.v1", {"id": "x" * 256, "body": "b"})
    assert _is_valid("article.v1", {"id": "x", "body": "b", "title": "h" * 2048})
    assert not _is_valid("article.v1", {"id": "x", "body": "b", "title": "h" * 2049})


@pytest.mark.parametrize(
    ("path", "value", "valid"),
    [
        ("metadata.count", 9223372036854775807, True),
        ("metadata.count", -9223372036854775807, True),
        ("metadata.ratio", 4.5e18, True),
        ("metadata.count", 9223372036854775808, False),
        ("metadata.count", -9223372036854775808, False),
        ("metadata.nested", {"ids": [1, 10**25]}, False),
        ("metadata.mass", 6.4e23, False),
        ("unknown_future_field", [[-(10**30)]], False),
    ],
)
def test_article_numbers_lie_within_63_bits(path: str, value: Any, valid: bool) -> None:
    assert _is_valid("article.v1", _set(_article(), path, value)) is valid


@pytest.mark.parametrize("field", ["id", "body"])
def test_article_required(field: str) -> None:
    assert not _is_valid("article.v1", _drop(_article(), field))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("id", 7),
        ("body", None),
        ("title", ["t"]),
        ("published_at", "2025-03-31"),
        ("published_at", "yesterday"),
        ("published_at", "2025-13-31T09:00:00Z"),
        ("language", "eng"),
        ("metadata", "x"),
    ],
)
def test_article_bad_values(path: str, value: Any) -> None:
    assert not _is_valid("article.v1", _set(_article(), path, value))


@pytest.mark.parametrize("field", ["schema", "article", "entities", "events", "tagger"])
def test_enriched_required(field: str) -> None:
    assert not _is_valid("enriched.v1", _drop(_enriched(), field))


@pytest.mark.parametrize(
    "path",
    [
        "article.id",
        "tagger.name",
        "tagger.version",
        "tagger.ruleset",
        "entities.0.id",
        "entities.0.type",
        "entities.0.name",
        "entities.0.mentions",
        "entities.0.mentions.0.field",
        "entities.0.mentions.0.start",
        "entities.0.mentions.0.end",
        "entities.0.mentions.0.text",
    ],
)
def test_enriched_nested_required(path: str) -> None:
    assert not _is_valid("enriched.v1", _drop(_enriched(), path))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("schema", "geopulse.enriched.v2"),
        ("article.published_at", "not a time"),
        ("entities.0.id", "human:jane-roe"),
        ("entities.0.id", "person:Jane Roe"),
        ("entities.2.id", "country:usa"),
        ("entities.0.type", "LOC"),
        ("entities.0.country", "USA"),
        ("entities.0.country", "place:washington"),
        ("entities.0.mentions", []),
        ("entities.0.mentions.0.field", "summary"),
        ("entities.0.mentions.0.start", -1),
        ("entities.0.mentions.0.end", 1.5),
        ("entities.0.mentions.0.start", "9"),
        ("events.0.modality", "maybe"),
        ("tagger.ruleset", 1),
    ],
)
def test_enriched_bad_values(path: str, value: Any) -> None:
    assert not _is_valid("enriched.v1", _set(_enriched(), path, value))


def test_enriched_skipped_requires_no_events() -> None:
    skipped = _set(_enriched(), "skipped", "language de is not supported")
    assert not _is_valid("enriched.v1", skipped)
    assert _is_valid("enriched.v1", _set(skipped, "events", []))
    assert not _is_valid("enriched.v1", _set(_set(skipped, "events", []), "skipped", ""))


@pytest.mark.parametrize(
    "field",
    [
        "id",
        "type",
        "field",
        "sentence",
        "trigger",
        "actors",
        "targets",
        "attributes",
        "modality",
        "confidence",
    ],
)
def test_event_required(field: str) -> None:
    assert not _is_valid("event.v1", _drop(_event(), field))
    assert not _is_valid("event-message.v1", _drop(_event_message(), field))


@pytest.mark.parametrize("path", ["sentence.start", "sentence.end", "trigger.text"])
def test_event_span_required(path: str) -> None:
    assert not _is_valid("event.v1", _drop(_event(), path))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("type", "tariff_threat"),
        ("type", "TARIFF-THREAT"),
        ("field", "lead"),
        ("sentence.start", -5),
        ("trigger.end", "40"),
        ("actors", "person:jane-roe"),
        ("actors", ["jane-roe"]),
        ("targets", ["country:RUS", "country:RUS"]),
        ("attributes.rate_pct", ["25%"]),
        ("attributes.commodity", ["steel"]),
        ("modality", "ASSERTED"),
        ("confidence", 1.01),
        ("confidence", -0.1),
        ("cameo", 1312),
    ],
)
def test_event_bad_values(path: str, value: Any) -> None:
    assert not _is_valid("event.v1", _set(_event(), path, value))


def test_event_open_types_and_attributes() -> None:
    """User rules may add event types and attribute keys within v1."""
    custom = _set(_event(), "type", "PORT_CLOSURE")
    custom = _set(custom, "attributes.duration_days", 30)
    assert _is_valid("event.v1", _drop(_drop(custom, "cameo"), "plover"))
    assert _is_valid("event.v1", _set(_event(), "plover", None))


@pytest.mark.parametrize("field", ["schema", "article_id"])
def test_event_message_required(field: str) -> None:
    assert not _is_valid("event-message.v1", _drop(_event_message(), field))


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("schema", "geopulse.enriched.v1"),
        ("article_id", ""),
        ("published_at", "31/03/2025"),
        ("tagger", {"name": "geopulse"}),
        ("modality", "likely"),
    ],
)
def test_event_message_bad_values(path: str, value: Any) -> None:
    assert not _is_valid("event-message.v1", _set(_event_message(), path, value))


def test_event_message_optional_provenance() -> None:
    minimal = {**_event(), "schema": "geopulse.event.v1", "article_id": "test-1"}
    assert _is_valid("event-message.v1", minimal)


@pytest.mark.parametrize("header", sorted(set(_dead_letter()) - {"traceparent"}))
def test_dead_letter_required(header: str) -> None:
    headers = _dead_letter()
    del headers[header]
    assert not _is_valid("dead-letter.v1", headers)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("geopulse.error.class", "oops"),
        ("geopulse.error.message", "two\nlines"),
        ("geopulse.source.partition", 3),
        ("geopulse.source.offset", "-1"),
        ("geopulse.failed_at", "2025-03-31 09:00"),
        ("traceparent", 5),
    ],
)
def test_dead_letter_bad_values(header: str, value: Any) -> None:
    assert not _is_valid("dead-letter.v1", {**_dead_letter(), header: value})


@pytest.mark.parametrize(
    "cls",
    ["invalid_json", "invalid_utf8", "schema", "too_large", "empty", "tagger_error", "internal"],
)
def test_dead_letter_error_classes(cls: str) -> None:
    assert _is_valid("dead-letter.v1", {**_dead_letter(), "geopulse.error.class": cls})


def test_span_errors_accepts_consistent_offsets() -> None:
    assert span_errors(_enriched(), _article()) == []


@pytest.mark.parametrize(
    ("path", "value", "fragment"),
    [
        ("entities.0.mentions.0.start", 10, "is 'ane Roe'"),
        ("entities.2.mentions.0.end", 99, "beyond title"),
        ("events.0.trigger.end", 30, "end 30 < start 34"),
        ("events.0.sentence.text", "Minister", "not 'Minister'"),
    ],
)
def test_span_errors_reports_bad_offsets(path: str, value: Any, fragment: str) -> None:
    errors = span_errors(_set(_enriched(), path, value), _article())
    assert len(errors) == 1
    assert fragment in errors[0]
