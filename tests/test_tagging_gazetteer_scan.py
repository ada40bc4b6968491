"""The gazetteer's typed matching loops must decide as the str methods they replace."""

from __future__ import annotations

import random

from service.tagging.gazetteer import Form, Hit, _match_at, _untaken
from service.tagging.text import word_char_at


def _plain_match_at(
    cands: list[tuple[str, int, None]], text: str, i: int
) -> tuple[int, int, None] | None:
    """``_match_at`` as first written: str.startswith and a one-character str test."""
    n = len(text)
    for form, length, entry in cands:
        j = i + length
        if j < n:
            c = text[j]
            if c.isalnum() or c == "_":
                continue
        elif j > n:
            continue
        if text.startswith(form, i):
            return i, j, entry
    return None


def test_spelling_and_word_ends_match_the_str_methods() -> None:
    rng = random.Random(3)
    alphabet = ["a", "A", "z", "Z", "0", "9", "_", " ", "-", "'", "’", "é", "İ", "σ", "٣", "`", "{"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9)))
        j = rng.randrange(len(text))
        c = text[j]
        assert word_char_at(text, j) == (c.isalnum() or c == "_"), repr(text)
        form = "".join(rng.choice(alphabet[:6]) for _ in range(rng.randrange(1, 4)))
        i = rng.randrange(len(text))
        cands = [(form, len(form), None), (text[i : i + 2], len(text[i : i + 2]), None)]
        cands.sort(key=lambda f: -f[1])
        hit = _match_at([Form(f, e) for f, _, e in cands], text, i, len(text))
        got = None if hit is None else (hit.start, hit.end, hit.entry)
        assert got == _plain_match_at(cands, text, i)


def _runs(rng: random.Random, n: int) -> list[Hit]:
    """Non-overlapping matches in text order, as each kind of gazetteer match comes."""
    out: list[Hit] = []
    p = rng.randrange(3)
    while p < n:
        length = rng.randrange(1, 6)
        if rng.random() < 0.4:
            out.append(Hit(p, min(n, p + length), None))
        p += length + rng.randrange(3)
    return out


def test_commodities_under_names_are_dropped_as_by_a_covered_mask() -> None:
    rng = random.Random(5)
    for _ in range(5000):
        n = rng.randrange(1, 60)
        names, goods = _runs(rng, n), _runs(rng, n)
        taken = bytearray(n)
        for h in names:
            taken[h.start : h.end] = b"\x01" * (h.end - h.start)
        want = [g for g in goods if taken.find(1, g.start, g.end) < 0]
        assert _untaken(goods, names) == want
