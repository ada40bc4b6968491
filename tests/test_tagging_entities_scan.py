"""The name finder's compiled scans must find what the simple versions they replace find."""

from __future__ import annotations

import json
import random
from typing import Any

from service.tagging.entities import Mention, cap_words, cap_words_by_regex, group
from service.tagging.gazetteer import Entry


def test_capital_marks_find_the_pattern_words() -> None:
    """cap_words jumps between marks made by encoding and translating the text: a "?" and
    any character beyond ASCII (one "?" each, astral and lone surrogates too) are marked
    alike and told apart by the text, so none of them may shift or hide a word."""
    rng = random.Random(11)
    parts = ["A", "Z", "b", "x", "1", "_", ".", "-", "'", " ", "?", "’", "“", "”", "—", "é"]
    parts += ["É", "İ", "ǅ", "Ⅻ", "ſ", "ß", "σ", "Σ", "٣", "€", "\u00a0", "\ud800", "😀", "𝐀"]
    parts += ["Ab?Cd", "U.S.-led", "O’Brien’s", "?É", "x?Y"]
    for _ in range(20000):
        text = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 12)))
        assert cap_words(text) == cap_words_by_regex(text), repr(text)


def _plain_group(mentions: list[Mention]) -> list[dict[str, Any]]:
    """``group`` as first written: keyed by (id, type) tuples, every group sorted."""
    by_key: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        by_key.setdefault((m.entry.id, m.entry.type), []).append(m)
    out: list[dict[str, Any]] = []
    for key in sorted(by_key):
        ms = sorted(by_key[key], key=lambda m: (m.field != "title", m.start, m.end))
        name = min({m.entry.name for m in ms}, key=lambda n: (-len(n), n))
        d: dict[str, Any] = {"id": key[0], "type": key[1], "name": name}
        for m in ms:
            if m.entry.country:
                d["country"] = m.entry.country
                break
        d["mentions"] = [
            {"field": m.field, "start": m.start, "end": m.end, "text": m.text} for m in ms
        ]
        out.append(d)
    return out


def test_grouping_by_id_then_type_matches_grouping_by_both() -> None:
    rng = random.Random(13)
    for _ in range(5000):
        ms: list[Mention] = []
        for _ in range(rng.randrange(0, 8)):
            eid = rng.choice(["a", "ab", "b", "a-b", "c"])
            etype = rng.choice(["GPE", "ORG", "PERSON"])
            country = rng.choice([None, "", "country:USA", "country:CHN"])
            e = Entry(eid, etype, rng.choice(["X", "Yy", "Z"]), country)
            s = rng.randrange(10)
            ms.append(Mention(rng.choice(["title", "body"]), s, s + rng.randrange(3), "t", e))
        want = json.dumps(_plain_group(list(ms)))
        assert json.dumps(group(list(ms))) == want, ms
