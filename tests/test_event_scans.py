"""The typed scans of event finding against the regular expressions they stand for."""

from __future__ import annotations

import hashlib
import random
import re
from bisect import bisect_left

from service.tagging.events import (
    _RATE_RE,
    _SHA1,
    _by_position,
    _by_weight,
    _clause_breaks,
    _in_order,
    _ranked,
    _rates_in,
    rates,
)
from service.tagging.patterns import Match

# the regex the clause marks were first found by, which _clause_breaks stands for
_CLAUSE_RE = re.compile(r"[,;:—–()]")

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


RATE_BITS = ["1", "25", "3.5", "1234", "123.45", "٣", " ", "  ", ".", "%", "percent", "percentage"]
RATE_BITS += ["per cent", "per", "cent", " to ", " and ", "or", "-", "–", "x", "Up", "fell", "of"]
RATE_BITS += [",", "\n"]


def _rates_whole(text: str, before: frozenset[str], after: frozenset[str]) -> list[float | int]:
    """rates as it was: the regex run over the whole text."""
    return _rates_in(text, 0, len(text), before, after)


def _rate_text(rng: random.Random) -> str:
    """Noise around whole rates ("3.5 to 12.25 per cent"), cut anywhere."""
    parts = []
    for _ in range(rng.randint(0, 6)):
        parts.append("".join(rng.choice(RATE_BITS) for _ in range(rng.randint(0, 6))))
        nums = ["123.45", "7", "12.5", "1234.5"]
        pct = rng.choice(["%", " %", "percent", " per cent", ""])
        parts.append(rng.choice(nums) + rng.choice(["", pct]) + rng.choice(["", " and ", "-"]))
        parts.append(rng.choice(nums) + pct)
    text = "".join(parts)
    return text[rng.randint(0, 3) :]


def test_rates_window_matches_the_whole_text_scan() -> None:
    rng = random.Random(8)
    before, after = frozenset({"up", "fell"}), frozenset({"of"})
    for _ in range(20000):
        text = "".join(rng.choice(RATE_BITS) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:
            text = _rate_text(rng)
        assert rates(text, before, after) == _rates_whole(text, before, after), text
        assert rates(text) == _rates_whole(text, frozenset(), frozenset()), text


def test_match_sorts_match_sorted() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        ms = [
            Match(rng.choice("ABC"), rng.randint(0, 4), 5, rng.randint(0, 3))
            for _ in range(rng.randint(0, 16))
        ]
        assert _ranked(ms) == sorted(ms, key=_by_weight)
        assert _in_order(list(ms)) == sorted(ms, key=_by_position)


def test_event_id_hash_is_hashlib_sha1() -> None:
    rng = random.Random(10)
    for n in range(200):
        key = "".join(rng.choice(["a", "\x00", "é", "中", "\ud800", "7"]) for _ in range(n))
        data = key.encode("utf-8", "surrogatepass")
        assert _SHA1(data).hexdigest() == hashlib.sha1(data).hexdigest()
