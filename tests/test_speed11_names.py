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
