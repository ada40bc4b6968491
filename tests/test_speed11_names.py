"""The name finder's typed word reading must decide as the slicing code it replaced."""

from __future__ import annotations

import random

from service.tagging.entities import _KEEP_DOT, _gap_joins, _joins, _trimmed_end


def _plain_trim(w: str) -> str:
    """The word's trailing marks dropped, as first written (on slices)."""
    while w and w[-1] in ".-'’" and w not in _KEEP_DOT:
        w = w[:-1]
    return w


def test_trimmed_end_matches_the_slicing_loop() -> None:
    rng = random.Random(11)
    alphabet = ["J", "r", "S", "t", "C", "o", ".", "-", "'", "’", "s", "x"]
    for _ in range(20000):
        w = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 7)))
        if rng.random() < 0.1:
            w = rng.choice(sorted(_KEEP_DOT)) + w[:1]
        text = "a " + w + " b"
        e = _trimmed_end(text, 2, 2 + len(w))
        assert text[2:e] == _plain_trim(w), repr(w)


def test_gap_joins_matches_joins_on_the_slice() -> None:
    rng = random.Random(12)
    alphabet = [" ", "-", "de", "la", "and", "x", ",", "of"]
    for _ in range(5000):
        gap = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 5)))
        text = "Ab" + gap + "Cd"
        assert _gap_joins(text, 2, 2 + len(gap)) == _joins(gap), repr(gap)


def test_sort_by_start_is_the_stable_sort_short_and_long() -> None:
    from service.tagging.entities import Mention, sort_by_start
    from service.tagging.gazetteer import Entry

    entry = Entry("org:x", "ORG", "X", None)
    rng = random.Random(14)
    for _ in range(500):
        n = rng.choice([rng.randrange(12), rng.randrange(60, 70)])
        ms = [Mention("body", rng.randrange(40), 9, "X", entry) for _ in range(n)]
        want = sorted(ms, key=lambda m: m.start)
        sort_by_start(ms)
        assert [id(m) for m in ms] == [id(m) for m in want]


def test_space_or_comma_is_what_strip_drops_or_a_comma() -> None:
    from service.tagging.entities import _space_or_comma

    for o in [*range(0x3100), 0xFEFF, 0x205F, 0x3000]:
        c = chr(o)
        assert _space_or_comma(c, 0) == (c == "," or c.isspace()), o


def test_owner_before_is_the_map_of_owners_by_end() -> None:
    from service.tagging.entities import Mention, _owner_before, _owns_names
    from service.tagging.gazetteer import Entry

    kinds = [
        Entry("country:CHN", "GPE", "China", None),
        Entry("place:lima", "GPE", "Lima", "country:PER"),
        Entry("country:SDN", "NORP", "Sudanese", "country:SDN"),
        Entry("org:x", "ORG", "X", None),
    ]
    rng = random.Random(15)
    for _ in range(3000):
        out = [
            Mention("body", 0, rng.randrange(1, 12), "X", rng.choice(kinds))
            for _ in range(rng.randrange(8))
        ]
        owners = {m.end: k for k, m in enumerate(out) if _owns_names(m.entry)}
        start = rng.randrange(1, 14)
        assert _owner_before(out, len(out), start) == owners.get(start - 1, -1)
