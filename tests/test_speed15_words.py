"""The tokeniser's presized lists: texts denser or sparser than its guess split as _scan."""

from __future__ import annotations

import random

from service.tagging.text import _scan, _scan_words, stem


def _check(low: str) -> None:
    toks, starts, ends = _scan(low, 0, True)
    assert _scan_words(low) == (toks, [stem(t) for t in toks], starts, ends), repr(low)


def test_dense_sparse_and_empty_texts() -> None:
    for low in ["", " ", "%", "%%%%%%%%%%%%%%%%%%%%%%", "a", "a b c d e f g h i j k l m n"]:
        _check(low)
    _check(" ".join("x" for _ in range(500)))  # two characters a token: past the guess
    _check("5%" * 300)
    _check(" " * 300 + "word")  # one token in a long text


def test_random_densities() -> None:
    rng = random.Random(15)
    pieces = ["a", "to", "%", " ", "  ", ".", "it's", "tariffs", "\u00e9t\u00e9", "9"]
    for _ in range(400):
        _check("".join(rng.choice(pieces) for _ in range(rng.randint(0, 120))))
