"""text.lower, by the UTF-8 bytes of a text with a few characters beyond ASCII, must be
str.lower."""

from __future__ import annotations

import random
from typing import Any

from service.tagging.text import lower


def test_lower_is_str_lower() -> None:
    """(No capital sigma: compiled, str.lower lowers it as mypyc does, by itself, where
    Python lowers it by its neighbours; lower() keeps each build's str.lower for it.)"""
    rng = random.Random(21)
    chars = "aAzZ09 .,'’“”—éÉσßİẞﬃ\u0345ǅΩωK\ud800"
    for _ in range(20000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 12)))
        assert lower(text) == text.lower(), repr(text)


def test_gazetteer_finds_the_same_with_stale_cue_bits() -> None:
    """The gazetteer asks a token's cue bits whether it begins a name; tokens whose bits
    are of an older generation (a cue list given since) are asked by the set instead."""
    from service.tagging import load_tagger
    from service.tagging.text import WordCues, lowered, sentences, tokenize_sentences

    gaz = load_tagger().gaz
    text = "Côte d'Ivoire's President met Xi Jinping in Abidjan; gold and crude oil rose."

    def spans(words: list[Any]) -> list[tuple[int, int, str | None]]:
        return [
            (h.start, h.end, h.entry and h.entry.id) for h in gaz.find(text, lowered(text), words)
        ]

    words = tokenize_sentences(text, sentences(text))
    assert all(t.word_masks() is not None for t in words)
    fresh = spans(words)
    WordCues(["speed20 cue list"])  # a new list: the tokens' bits are out of date
    assert all(t.word_masks() is None for t in words)
    assert spans(words) == fresh and len(fresh) >= 3
