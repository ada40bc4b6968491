"""Hostile input, property-based: every message becomes output or a classified dead letter.

The pipeline never raises and never stalls, whatever the bytes; an enriched record's offsets
always index the input (``field[start:end] == text``). The tagger is fuzzed on its own too:
:meth:`Tagger.tag` lets its exceptions through (the pipeline dead-letters them), so any bug shows.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from service.contracts import ErrorClass
from service.pipeline import Enriched, Outcome, Pipeline, Rejected
from service.schemas import span_errors, validator
from service.tagging import Tagger, load_tagger

MAX_BODY = 1 << 20
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROSE = (
    "President Donald Trump threatened to impose a 25% tariff on Canadian lumber. ",
    "The U.S. and the E.U. agreed to talks in Geneva; Russia rejected the plan. ",
    "Iran's foreign ministry declined to comment on sanctions on oil. ",
)
# Characters that break naive text code: NUL and controls, bidi marks, combining marks,
# zero-width joiners, emoji with modifiers, ideographs, non-BMP letters, odd whitespace.
NASTY = "\x00\x01\x07\x1b\x7f\u0085\u00a0\u2028\u2029\u200b\u200d\u200e\u200f\u202e\u2066" + (
    "\u0301\u0308\u20dd\ufeff\ufffd\U0001f1fa\U0001f1f8\U0001f468\u200d\U0001f469\U0001f3fd"
    "שלום مرحبا 中国 ß İ ǅ ﬁ 𝔘𝔖 ..!!??%%%"
)


@functools.cache
def pipeline() -> Pipeline:
    return Pipeline(load_tagger(), MAX_BODY, emit_events=True)


@functools.cache
def tagger() -> Tagger:
    return load_tagger()


def check_outcome(raw: bytes | None) -> Outcome:
    """Process ``raw`` and assert the outcome obeys the contract; returns it for more checks."""
    outcome = pipeline().process(raw)
    if isinstance(outcome, Rejected):
        assert outcome.error.error_class in set(ErrorClass)
        assert outcome.error.message.strip()
        return outcome
    assert isinstance(outcome, Enriched)
    record = orjson.loads(outcome.value)
    article = json.loads(raw or b"")
    assert span_errors(record, article) == []
    assert outcome.key == article["id"].encode()
    assert len(outcome.event_values) == len(record["events"])
    return outcome


def hostile_text() -> st.SearchStrategy[str]:
    """Text mixing real prose (so the tagger finds things) with every awkward character."""
    piece = st.one_of(
        st.sampled_from(PROSE),
        st.text(alphabet=st.sampled_from(NASTY), max_size=20),
        st.text(max_size=40),  # any code point except surrogates
        st.from_regex(r"([A-Z][a-z]{0,8} ){1,12}", fullmatch=True),
        st.from_regex(r"[0-9%.,$-]{1,30}", fullmatch=True),
    )
    return st.lists(piece, max_size=12).map("".join)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@EXAMPLES
@given(st.binary(max_size=2000))
@example(b"")
@example(b"\xff\xfe\x00")
@example(b"\x00" * 100)
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    check_outcome(raw)


@EXAMPLES
@given(json_values)
def test_json_of_any_shape_is_enriched_or_rejected_as_schema(value: Any) -> None:
    outcome = check_outcome(json.dumps(value).encode())
    if not (isinstance(value, dict) and isinstance(value.get("body"), str)):
        assert isinstance(outcome, Rejected)
        assert outcome.error.error_class is ErrorClass.SCHEMA


@EXAMPLES
@given(
    st.fixed_dictionaries(
        {"id": st.text(min_size=1, max_size=256), "body": hostile_text()},
        optional={
            "title": hostile_text(),
            "source": json_values,
            "language": st.sampled_from(["en", "EN", "fr", "", "xx-yy", "e\u0301", "١٢"]),
            "metadata": json_values,
            "published_at": st.one_of(
                st.text(max_size=30),
                st.sampled_from(["2026-01-02T03:04:05Z", "2026-13-02T03:04:05Z"]),
                st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
            ),
        },
    )
)
def test_hostile_text_is_tagged_with_exact_offsets(article: dict[str, Any]) -> None:
    outcome = check_outcome(json.dumps(article).encode())
    # The article schema is the oracle (null optional fields count as absent): valid input is
    # enriched, anything else is 'schema'.
    present = {k: v for k, v in article.items() if v is not None}
    if validator("article.v1").is_valid(present):
        assert isinstance(outcome, Enriched), outcome
        validator("enriched.v1").validate(orjson.loads(outcome.value))
    else:
        assert isinstance(outcome, Rejected)
        assert outcome.error.error_class is ErrorClass.SCHEMA


@EXAMPLES
@given(st.text(alphabet=st.characters(codec=None, categories=["Cs"]), min_size=1, max_size=5))
def test_lone_surrogates_are_invalid_json(surrogates: str) -> None:
    escaped = "".join(f"\\u{ord(c):04x}" for c in surrogates)
    raw = b'{"id": "s", "body": "' + escaped.encode() + b'"}'
    outcome = check_outcome(raw)
    try:  # a high+low pair is a valid escape of one astral character
        surrogates.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        assert isinstance(outcome, Rejected)
        assert outcome.error.error_class is ErrorClass.INVALID_JSON
    else:
        assert isinstance(outcome, Enriched)


@EXAMPLES
@given(st.text(max_size=50), st.binary(min_size=1, max_size=50))
def test_invalid_utf8_is_classified(prefix: str, junk: bytes) -> None:
    raw = b'{"id": "u", "body": "' + prefix.encode() + b"\xc3\x28" + junk + b'"}'
    outcome = check_outcome(raw)
    assert isinstance(outcome, Rejected)
    assert outcome.error.error_class is ErrorClass.INVALID_UTF8


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (10, None),
        (200, None),
        (500, ErrorClass.SCHEMA),  # parses (orjson reads 1024 levels) but cannot be written back
        (1100, ErrorClass.INVALID_JSON),
        (100_000, ErrorClass.INVALID_JSON),
    ],
)
def test_deep_nesting(depth: int, expected: ErrorClass | None) -> None:
    nested = b"[" * depth + b"]" * depth
    raw = b'{"id": "d", "body": "x", "metadata": {"n": ' + nested + b"}}"
    outcome = check_outcome(raw)
    if expected is None:
        assert isinstance(outcome, Enriched)
    else:
        assert isinstance(outcome, Rejected)
        assert outcome.error.error_class is expected


def test_nul_and_control_characters_in_body() -> None:
    body = "Russia\x00 rejected\x1b the\u0000 talks.\x7f Trump\x0b threatened tariffs on China."
    outcome = check_outcome(orjson.dumps({"id": "c", "body": body}))
    assert isinstance(outcome, Enriched)


@pytest.mark.parametrize(
    ("field", "size", "expected"),
    [
        ("body", 10 << 20, ErrorClass.TOO_LARGE),
        ("title", 10 << 20, ErrorClass.TOO_LARGE),  # refused by message size before parsing
        ("id", 10 << 20, ErrorClass.TOO_LARGE),
        ("metadata", 10 << 20, ErrorClass.TOO_LARGE),
        ("id", 1 << 20, ErrorClass.SCHEMA),
        ("metadata", 3 << 20, None),  # under the message limit, passed through untouched
    ],
)
def test_huge_values(field: str, size: int, expected: ErrorClass | None) -> None:
    article: dict[str, Any] = {"id": "big", "body": "Trump threatened tariffs on China."}
    article[field] = {"blob": "y" * size} if field == "metadata" else "Word " * (size // 5)
    outcome = check_outcome(orjson.dumps(article))
    if expected is None:
        assert isinstance(outcome, Enriched)
        assert orjson.loads(outcome.value)["article"]["metadata"] == article["metadata"]
    else:
        assert isinstance(outcome, Rejected)
        assert outcome.error.error_class is expected


@pytest.mark.parametrize(
    "body",
    ["é" * ((MAX_BODY // 2) + 1), "\U0001f600" * ((MAX_BODY // 4) + 1)],
    ids=["2-byte", "4-byte"],
)
def test_body_limit_counts_utf8_bytes_not_characters(body: str) -> None:
    outcome = check_outcome(orjson.dumps({"id": "b", "body": body}))
    assert isinstance(outcome, Rejected)
    assert outcome.error.error_class is ErrorClass.TOO_LARGE


@EXAMPLES
@given(hostile_text(), hostile_text())
def test_tagger_never_raises(body: str, title: str) -> None:
    entities, events = tagger().tag("fuzz", body, title)
    texts = {"body": body, "title": title}
    for entity in entities:
        for m in entity["mentions"]:
            assert texts[m["field"]][m["start"] : m["end"]] == m["text"]
    for event in events:
        for part in ("sentence", "trigger"):
            span = event[part]
            assert texts[event["field"]][span["start"] : span["end"]] == span["text"]


@EXAMPLES
@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_tagger_accepts_surrogates_in_str(text: str) -> None:
    """A str from elsewhere (not JSON) may hold lone surrogates; tagging must still not raise."""
    assume(text)
    tagger().tag("s", text, text)
