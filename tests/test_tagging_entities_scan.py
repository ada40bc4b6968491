"""The name finder's compiled scans must find what the simple versions they replace find."""

from __future__ import annotations

import random

from service.tagging.entities import cap_words, cap_words_by_regex


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
