"""text.lower, by the UTF-8 bytes of a text with a few characters beyond ASCII, must be
str.lower."""

from __future__ import annotations

import random

from service.tagging.text import lower


def test_lower_is_str_lower() -> None:
    """(No capital sigma: compiled, str.lower lowers it as mypyc does, by itself, where
    Python lowers it by its neighbours; lower() keeps each build's str.lower for it.)"""
    rng = random.Random(21)
    chars = "aAzZ09 .,'’“”—éÉσßİẞﬃ\u0345ǅΩωK\ud800"
    for _ in range(20000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 12)))
        assert lower(text) == text.lower(), repr(text)
