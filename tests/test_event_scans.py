"""The typed scans of event finding against the regular expressions they stand for."""

from __future__ import annotations

import random
from bisect import bisect_left

from service.tagging.events import (
    _CLAUSE_RE,
    _RATE_RE,
    _by_position,
    _by_weight,
    _clause_breaks,
    _in_order,
    _ranked,
    rates,
)
from service.tagging.patterns import Match

CHARS = ["a", " ", ",", ";", ":", "(", ")", "—", "–", "-", "é", "%", "5", "per", "cent", "\n"]


def test_clause_breaks_match_the_regex_and_bisect() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 20)))
        st = sorted({rng.randint(0, len(text) + 2) for _ in range(rng.randint(0, 8))})
        lo, hi = rng.randint(0, len(text)), rng.randint(0, len(text) + 2)
        want = [bisect_left(st, p.start()) for p in _CLAUSE_RE.finditer(text, lo, hi)]
        assert _clause_breaks(text, lo, hi, st) == want, (text, lo, hi, st)


def test_rates_shortcut_only_skips_texts_without_a_rate() -> None:
    rng = random.Random(6)
    for _ in range(2000):
        text = "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 12)))
        if "%" not in text and "per" not in text:
            assert _RATE_RE.search(text) is None
            assert rates(text) == []


def test_match_sorts_match_sorted() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        ms = [
            Match(rng.choice("ABC"), rng.randint(0, 4), 5, rng.randint(0, 3))
            for _ in range(rng.randint(0, 16))
        ]
        assert _ranked(ms) == sorted(ms, key=_by_weight)
        assert _in_order(list(ms)) == sorted(ms, key=_by_position)
