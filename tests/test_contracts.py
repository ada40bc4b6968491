"""Parsing input articles: every breach is a BadInput with the contract's error class."""

from __future__ import annotations

from datetime import UTC, datetime

import orjson
import pytest

from service.contracts import (
    BadInput,
    ErrorClass,
    dead_letter_headers,
    enriched_record,
    event_message,
    parse_article,
    serialise,
)

LIMIT = 1000


def test_valid_article_keeps_its_fields_and_ignores_unknown_ones() -> None:
    raw = orjson.dumps(
        {"id": "a1", "body": "text", "title": "T", "metadata": {"k": [1]}, "extra": {"x": 1}}
    )
    article = parse_article(raw, LIMIT)
    assert (article.id, article.body, article.title, article.language) == ("a1", "text", "T", "en")
    assert article.fields["metadata"] == {"k": [1]}


@pytest.mark.parametrize(
    ("raw", "error_class"),
    [
        (b"", ErrorClass.EMPTY),
        (None, ErrorClass.EMPTY),
        (b"{", ErrorClass.INVALID_JSON),
        (b'{"id": "a", "body": "\\ud800"}', ErrorClass.INVALID_JSON),  # lone surrogate escape
        (b'{"id": "a", "body": "\xc3\x28"}', ErrorClass.INVALID_UTF8),
        (b"[]", ErrorClass.SCHEMA),
        (b'"just a string"', ErrorClass.SCHEMA),
        (b'{"body": "x"}', ErrorClass.SCHEMA),
        (b'{"id": "", "body": "x"}', ErrorClass.SCHEMA),
        (orjson.dumps({"id": "i" * 257, "body": "x"}), ErrorClass.SCHEMA),
        (b'{"id": 1, "body": "x"}', ErrorClass.SCHEMA),
        (b'{"id": "a"}', ErrorClass.SCHEMA),
        (b'{"id": "a", "body": null}', ErrorClass.SCHEMA),
        (b'{"id": "a", "body": "x", "title": 5}', ErrorClass.SCHEMA),
        (b'{"id": "a", "body": "x", "metadata": []}', ErrorClass.SCHEMA),
        # numbers beyond ±(2^63-1): orjson decodes the first three as floats, losing digits
        (
            b'{"id": "a", "body": "x", "metadata": {"views": 98765432109876543210987}}',
            ErrorClass.SCHEMA,
        ),
        (
            b'{"id": "a", "body": "x", "metadata": {"d": [[-9223372036854775809]]}}',
            ErrorClass.SCHEMA,
        ),
        (
            b'{"id": "a", "body": "x", "unknown": {"seq": 1267650600228229401496703205376}}',
            ErrorClass.SCHEMA,
        ),
        (b'{"id": "a", "body": "x", "metadata": {"u64": 18446744073709551615}}', ErrorClass.SCHEMA),
        (
            b'{"id": "a", "body": "x", "metadata": {"i64min": -9223372036854775808}}',
            ErrorClass.SCHEMA,
        ),
        (b'{"id": "a", "body": "x", "metadata": {"mass_kg": 5.97e24}}', ErrorClass.SCHEMA),
        (orjson.dumps({"id": "a", "body": "x" * (LIMIT + 1)}), ErrorClass.TOO_LARGE),
        (orjson.dumps({"id": "a", "body": "é" * (LIMIT // 2 + 1)}), ErrorClass.TOO_LARGE),
        (
            orjson.dumps({"id": "a", "body": "x", "title": "Rates rise " * 205}),
            ErrorClass.TOO_LARGE,
        ),
        (orjson.dumps({"id": "a", "body": "", "title": "\U0001d518" * 2049}), ErrorClass.TOO_LARGE),
        (b" " * (7 * LIMIT + 65536), ErrorClass.TOO_LARGE),
    ],
)
def test_breaches_are_classified(raw: bytes | None, error_class: ErrorClass) -> None:
    with pytest.raises(BadInput) as info:
        parse_article(raw, LIMIT)
    assert info.value.error_class is error_class
    assert info.value.message


def test_numbers_within_63_bits_are_passed_on_exactly() -> None:
    raw = (
        b'{"id": "n1", "body": "x", "metadata": {"hi": 9223372036854775807, '
        b'"lo": -9223372036854775807, "f": 9.2e18, "tiny": 5e-324, "l": [0, -2.5, true, null], '
        b'"digits": "314159265358979323846264338327950288"}}'
    )
    value, _ = serialise(parse_article(raw, LIMIT), [], [], {"name": "g"})
    assert (
        b'"metadata":{"hi":9223372036854775807,"lo":-9223372036854775807,"f":9.2e+18,'
        b'"tiny":5e-324,"l":[0,-2.5,true,null],"digits":"314159265358979323846264338327950288"}'
    ) in value


def test_a_number_too_wide_is_named_where_it_sits() -> None:
    raw = b'{"id": "n2", "body": "x", "metadata": {"ok": 1, "ids": [7, 31415926535897932384626]}}'
    with pytest.raises(BadInput) as info:
        parse_article(raw, LIMIT)
    assert info.value.error_class is ErrorClass.SCHEMA
    assert "'metadata.ids[1]'" in info.value.message
    assert "3.142e+22" in info.value.message
    assert "as strings" in info.value.message


def test_body_at_the_limit_is_accepted() -> None:
    assert parse_article(orjson.dumps({"id": "a", "body": "x" * LIMIT}), LIMIT).body


def test_title_at_its_limit_is_accepted_and_over_it_named() -> None:
    title = "Zölle auf Stahl? " * 120 + "Ja" * 4  # 2,048 characters, 2,168 bytes
    assert (
        parse_article(orjson.dumps({"id": "t", "body": "", "title": title}), LIMIT).title == title
    )
    with pytest.raises(BadInput) as info:
        parse_article(orjson.dumps({"id": "t", "body": "", "title": title + "!"}), LIMIT)
    assert info.value.error_class is ErrorClass.TOO_LARGE
    assert info.value.message == "'title' is over the 2048-character limit"


def test_dead_letter_headers_say_why_and_where() -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    error = BadInput(ErrorClass.SCHEMA, "'id' must\nbe a string")
    headers = dict(dead_letter_headers(error, "news.articles", 3, 42, when))
    assert headers == {
        "geopulse.error.class": b"schema",
        "geopulse.error.message": b"'id' must be a string",
        "geopulse.source.topic": b"news.articles",
        "geopulse.source.partition": b"3",
        "geopulse.source.offset": b"42",
        "geopulse.failed_at": b"2026-01-02T03:04:05.000Z",
    }


@pytest.mark.parametrize("skipped", [None, "language 'de' is not supported"])
@pytest.mark.parametrize("emit_events", [True, False])
def test_spliced_records_are_the_bytes_of_the_dicts(skipped: str | None, emit_events: bool) -> None:
    raw = orjson.dumps(
        {"id": "a“1", "body": "b", "source": 's"', "published_at": "2026-01-02T03:04:05Z"}
    )
    article = parse_article(raw, LIMIT)
    info = {"name": "geopulse", "version": "1", "ruleset": 'r,"tagger":'}
    entities = [{"id": "country:FRA", "mentions": [{"start": 0}]}]
    # an empty event and one holding a key the message writes itself take the dict path
    events = [{"id": "e1", "attributes": {}, "confidence": 0.7}, {}, {"source": "x", "id": 2}]
    value, messages = serialise(article, entities, events, info, skipped, emit_events)
    assert value == orjson.dumps(enriched_record(article, entities, events, info, skipped))
    want = [orjson.dumps(event_message(article, ev, info)) for ev in events]
    assert messages == (want if emit_events else [])
