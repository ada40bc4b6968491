"""The shortcuts of role slots against the plain forms they replace."""

from __future__ import annotations

import random

import pytest

from service.tagging import Tagger, load_tagger
from service.tagging.roles import _opening_punct, _title_word, _word_before


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


CHARS = [",", "“", '"', "”", " ", "\t", "\xa0", "\u2009", "a", "B", ".", "\x1c"]


def test_opening_punct_is_one_stripped_mark() -> None:
    rng = random.Random(12)
    marks = {",", "“", '"'}
    for _ in range(5000):
        text = "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 6)))
        lo, hi = rng.randint(0, len(text)), rng.randint(0, len(text))
        assert _opening_punct(text, lo, hi) == (text[lo:hi].strip() in marks), (text, lo, hi)


def test_title_word_reads_the_word_before_of() -> None:
    titles = frozenset({"Secretary", "President", "minister"})
    cases = {
        "the Secretary of": True,  # "Secretary of State"
        "the secretary of": False,
        "minister of": False,  # a title word, but not capitalised
        "of": False,  # nothing before it
        "President": True,
        "Paris": False,
    }
    for text, want in cases.items():
        lo = 0
        b, e = _word_before(text, lo, len(text))
        assert _title_word(text[b:e], text, lo, b, titles) == want, text
