"""The shortcuts of trigger matching and role slots against the plain forms they replace."""

from __future__ import annotations

import random

import pytest

from service.tagging import Tagger, load_tagger
from service.tagging.patterns import Matcher, _words_fit
from service.tagging.roles import _opening_punct, _title_word, _word_before
from service.tagging.text import tokenize


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


def _checked(m: Matcher) -> set[str]:
    out: set[str] = set()
    for pats in m.index.values():
        for p in pats:
            for ws in (p.last, p.needs, p.unless, p.also):
                out.update(ws)
    return out


def test_the_sentence_stems_patterns_check_answer_as_all_of_them(tagger: Tagger) -> None:
    """_hits keeps only the stems some pattern checks for: every check answers as on a set
    of all the sentence's stems."""
    m = tagger.events.matcher
    asked = sorted(_checked(m))
    other = ["the", "minister", "said", "on", "friday", "Paris"]
    rng = random.Random(12)
    pats = [p for ps in m.index.values() for p in ps if p.checks]
    for _ in range(300):
        words = [rng.choice(asked if rng.random() < 0.4 else other) for _ in range(12)]
        toks = tokenize(" ".join(words))
        _, _, present = m._hits(toks)
        assert present <= set(toks.stems)
        for p in pats:
            for goods in (False, True):
                assert _words_fit(p, present, goods, None) == _words_fit(
                    p, set(toks.stems), goods, None
                )
