"""Event records as the speed work builds them: keys in the record's order, ids as before."""

from __future__ import annotations

import hashlib

import pytest

from service.tagging import Tagger, load_tagger

KEYS = [
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
    "cameo",
    "plover",
]
BODY = (
    "Russia and Ukraine agreed a ceasefire on Monday. The United States will impose 25% "
    "tariffs on steel from Canada from July 1, and Canada vowed to retaliate. "
)


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


@pytest.mark.parametrize("article_id", ["a-1", "ünï\udcff", ""])
def test_event_keys_in_order_and_ids_of_their_key(tagger: Tagger, article_id: str) -> None:
    """orjson writes keys in insertion order: an event is a copy of its type's template, so
    the order must be the record's; the id is the SHA-1 of the NUL-joined parts, as UTF-8."""
    _, events = tagger.tag(article_id, BODY, "Canada vows to retaliate over US steel tariffs")
    assert len(events) >= 3
    for ev in events:
        assert list(ev) == KEYS
        assert list(ev["sentence"]) == ["start", "end", "text"]
        assert list(ev["trigger"]) == ["start", "end", "text"]
        s = ev["sentence"]
        key = f"{article_id}\x00{ev['type']}\x00{ev['field']}\x00{s['start']}\x00{s['end']}"
        want = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        assert ev["id"] == want


def test_events_do_not_share_their_records(tagger: Tagger) -> None:
    """Two events of a type are separate dicts (copies of the template, not the template)."""
    _, first = tagger.tag("a", BODY)
    _, second = tagger.tag("b", BODY)
    first[0]["actors"].append("x")
    first[0]["extra"] = 1
    assert "extra" not in second[0] and second[0]["actors"] != first[0]["actors"]
    _, again = tagger.tag("a", BODY)
    assert list(again[0]) == KEYS
