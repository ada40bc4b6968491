"""The code-point shortcuts of speed round 21 answer as the str methods they stand for."""

from __future__ import annotations

import random

from service.tagging import _upper
from service.tagging.roles import (
    _hyphen_between,
    _last_word,
    _object_pronoun,
    _possessive_at,
    _verb_first,
)

_ALPHABET = "aAzZhHsS' ’-.,;\"”\t\n\u00a0\u2003İıßǅªⒶ1é"


def _texts(n: int, size: int) -> list[str]:
    rng = random.Random(21)
    fixed = ["", "RSF", "EU", "Ab", "ÉU", "A1", "ǅA", "Aª", "ⒶB", " him", " Her.", "'s new", "’s "]
    return fixed + [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, size))) for _ in range(n)
    ]


def test_upper_is_isupper() -> None:
    for t in _texts(3000, 7):
        assert _upper(t) == t.isupper(), t


def test_possessive_and_hyphen() -> None:
    for t in _texts(2000, 9):
        for i in range(len(t) + 1):
            for end in range(i, len(t) + 1):
                gap = t[i:end]
                assert _possessive_at(t, i, end) == gap.startswith(("'s ", "’s ")), (t, i, end)
                assert _hyphen_between(t, i, end) == (gap == "-"), (t, i, end)


def _pronoun_before(text: str, end: int) -> bool:
    w = text[end : end + 6].lower()
    if w.startswith(" him") and not w[4:5].isalpha():
        return True
    return w.startswith(" her") and (w[4:5] in ("", ".", ",", ";", "!", "?", '"', "”"))


def test_object_pronoun() -> None:
    for t in [*_texts(3000, 9), "met him", "met her.", "met HER counterpart", "x İhim"]:
        for end in range(len(t) + 1):
            assert _object_pronoun(t, end) == _pronoun_before(t, end), (t, end)


def test_trigger_words() -> None:
    for t in [*_texts(1000, 12), "  brokered a deal ", "imposed", "talks in\u00a0"]:
        for start in range(len(t) + 1):
            for end in range(start, len(t) + 1):
                words = t[start:end].split()
                assert _verb_first(t, start, end) == (bool(words) and words[0].endswith("ed"))
                if words:
                    assert _last_word(t, start, end) == words[-1].lower()
