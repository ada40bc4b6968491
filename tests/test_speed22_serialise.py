"""The spliced outputs of ``serialise`` are the bytes of the dicts, on its fast and slow paths."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from service.contracts import enriched_record, event_message, parse_article, serialise

INFO = {"name": "geopulse", "version": "1", "ruleset": "r"}
EVENT = {"id": "e1", "type": "T", "sentence": {"start": 0, "text": "a},{b"}, "attributes": {}}


@pytest.mark.parametrize(
    "events",
    [
        [],
        [EVENT],
        [EVENT, {**EVENT, "id": "e2", "attributes": {"source": "nested, not merged"}}],
        [EVENT, {}],  # an empty event
        [EVENT, {"tagger": "own"}, {**EVENT, "schema": 1}],  # keys the message writes itself
        [{"published_at": None}, EVENT],
    ],
)
def test_event_messages_are_the_bytes_of_the_dicts(events: list[dict[str, Any]]) -> None:
    raw = orjson.dumps(
        {"id": "x", "body": "b", "source": "s", "published_at": "2026-01-02T03:04:05Z"}
    )
    article = parse_article(raw, 1000)
    value, messages = serialise(article, [], events, INFO)
    assert value == orjson.dumps(enriched_record(article, [], events, INFO))
    assert messages == [orjson.dumps(event_message(article, ev, INFO)) for ev in events]
