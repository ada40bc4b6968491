"""The matcher's bloom masks and the event finder's primed cue places against the plain
checks they stand in for."""

from __future__ import annotations

import random

import pytest

from service.tagging import Tagger, load_tagger
from service.tagging import modality as modality_mod
from service.tagging.patterns import _fits, _Word
from service.tagging.text import tokenize
from tests.test_speed15_matcher import guarded_sentences


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


def test_masked_fits_answers_as_unmasked(tagger: Tagger) -> None:
    m = tagger.events.matcher
    pats = [p for ps in m.index.values() for p in ps if p.checks]
    for toks in guarded_sentences(m, 19):
        flags = [False] * m.numbered
        marked: list[_Word] = []
        mask = m._marks(toks, flags, marked)[2]
        for p in pats:
            for goods in (False, True):
                assert _fits(p, flags, goods, None, mask) == _fits(p, flags, goods, None)
            if p.last_mask and not p.last_mask & mask:  # the quick reject in _matches
                assert not _fits(p, flags, False, None)


def test_bits_leave_the_cue_places_hits_finds(tagger: Tagger) -> None:
    ef = tagger.events
    firsts = sorted(modality_mod.cue_firsts())
    rng = random.Random(20)
    for _ in range(200):
        words = [rng.choice(firsts) if rng.random() < 0.3 else "word" for _ in range(15)]
        toks = tokenize(" ".join(words))
        lows = toks.lows
        ef._bits(toks, [])
        primed = modality_mod._hits(lows)
        modality_mod._SHARED.hits = (None, None, [])  # forget: _hits finds them itself
        assert primed == modality_mod._hits(lows)


def test_topic_counts_answer_as_set_intersections(tagger: Tagger) -> None:
    ef = tagger.events
    off, on = sorted(ef.off_topic), sorted(ef.on_topic)
    dom = sorted(ef.domestic) + [w.capitalize() for w in sorted(ef.domestic)]
    blockers = sorted(ef.on_topic_blockers)
    rng = random.Random(21)
    for _ in range(300):
        pool = [off, on, dom, blockers, ["the", "said"]]
        text = " ".join(rng.choice(rng.choice(pool)) for _ in range(12))
        toks = tokenize(text)
        lows = toks.lows
        topical: list[int] = []
        bits = ef._bits(toks, topical)
        want_off = len(ef.off_topic.intersection(lows))
        want_on = len(
            {
                w
                for i, w in enumerate(lows)
                if w in ef.on_topic and (i == 0 or lows[i - 1] not in ef.on_topic_blockers)
            }
        )
        # domestic words count written in lower case ("union", not "Union") or first
        words = text.split()
        first = {words[0].lower()} & ef.domestic
        want_dom = len({w for w in words if w in ef.domestic} | first)
        got = ef._topic_counts(text, toks, topical) if topical else (0, 0, 0)
        assert got == (want_off, want_on, want_dom)
        assert bool(bits & 8) == (want_off > 0)  # _OFF_TOPIC
