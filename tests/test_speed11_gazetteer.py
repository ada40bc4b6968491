"""The gazetteer's shortcuts must decide as the searches they spare."""

from __future__ import annotations

import random

from service.tagging.gazetteer import _Apostrophes, _one_of


def test_apostrophes_within_matches_a_search_of_each_span() -> None:
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice("ab '’.") for _ in range(rng.randrange(0, 30)))
        marks = _Apostrophes(text)
        lo = 0
        while lo <= len(text):
            hi = min(len(text), lo + rng.randrange(0, 8))
            want = text.find("'", lo, hi) >= 0 or text.find("\u2019", lo, hi) >= 0
            assert marks.within(lo, hi) == want, (text, lo, hi)
            lo = hi + rng.randrange(0, 3) if hi > lo else lo + 1


def test_one_of_is_containment() -> None:
    for chars in ("", "A", "ABT", "Ża"):
        for c in "ABTZŻa ":
            assert _one_of(chars, ord(c)) == (c in chars)
