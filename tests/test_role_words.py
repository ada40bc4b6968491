"""The word scans of role finding against ``str.split()``, on any mix of whitespace."""

from __future__ import annotations

import random

from service.tagging.roles import _first_word, _word_before

CHARS = [
    "a",
    "B",
    ",",
    "'",
    "’",
    " ",
    "  ",
    "\t",
    "\n",
    "\xa0",
    "\u2009",
    "\u3000",
    "\x1c",
    "\u200b",
]


def test_word_scans_cut_words_as_split_does() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 16)))
        lo, hi = rng.randint(0, len(text)), rng.randint(0, len(text) + 3)
        words = text[lo:hi].split()
        assert _first_word(text, lo, hi) == (words[0] if words else ""), (text, lo, hi)
        hi = min(hi, len(text))
        b, e = _word_before(text, lo, hi)
        assert text[b:e] == (words[-1] if words else ""), (text, lo, hi)
        if words:
            b2, e2 = _word_before(text, lo, b)
            assert text[b2:e2] == (words[-2] if len(words) > 1 else ""), (text, lo, hi)
