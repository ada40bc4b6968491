"""The matcher's numbered word flags against the plain stem-set checks they replace."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest

from service.tagging import Tagger, load_tagger
from service.tagging.patterns import Match, Matcher, Pattern, _fits
from service.tagging.text import Toks, tokenize


def _any_in(words: tuple[str, ...], present: set[str]) -> bool:
    """Whether one of ``words`` is in ``present``."""
    return any(w in present for w in words)


def _words_fit(
    p: Pattern,
    present: set[str],
    has_goods: bool,
    article: Callable[[], frozenset[str]] | None,
) -> bool:
    """Whether the sentence's stems (``present``: those patterns ask for) hold the words the
    pattern asks for: its last word (a quick reject), an ``if`` word (else a wide one in the
    article, or a named commodity), an ``and_if`` word, and no ``unless`` word. The plain
    stem-set form of ``_fits`` (the matcher's, before words were numbered): the reference."""
    if p.last and not _any_in(p.last, present):
        return False
    if (
        (p.needs or p.wide or p.goods)  # the sentence lacks the words, names no goods;
        and (not p.needs or not _any_in(p.needs, present))  # the article may hold a wide one
        and not (p.goods and has_goods)
        and (not p.wide or article is None or p.wide.isdisjoint(article()))
    ):
        return False
    if p.also and not _any_in(p.also, present):
        return False
    return not (p.unless and _any_in(p.unless, present))


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


def _asked(m: Matcher) -> list[str]:
    return sorted(k for k, w in m.words.items() if w.asked)


def guarded_sentences(m: Matcher, seed: int, n: int = 300) -> Iterator[Toks]:
    """``n`` random 12-word sentences, about 40% of their words ones the patterns ask for."""
    asked = _asked(m)
    other = ["the", "minister", "said", "on", "friday", "Paris", "5"]
    rng = random.Random(seed)
    for _ in range(n):
        words = [rng.choice(asked if rng.random() < 0.4 else other) for _ in range(12)]
        yield tokenize(" ".join(words))


def test_flags_answer_as_the_stem_set(tagger: Tagger) -> None:
    m = tagger.events.matcher
    pats = [p for ps in m.index.values() for p in ps if p.checks]
    for toks in guarded_sentences(m, 15):
        flags = [False] * m.numbered
        marked: list[object] = []
        m._marks(toks, flags, marked)  # type: ignore[arg-type]
        stems = set(toks.stems)
        assert len(marked) == sum(flags)
        for p in pats:
            for goods in (False, True):
                assert _fits(p, flags, goods, None) == _words_fit(p, stems, goods, None)


def test_find_puts_its_flags_back_cleared(tagger: Tagger) -> None:
    m = tagger.events.matcher
    asked = _asked(m)
    rng = random.Random(16)
    for _ in range(50):
        toks = tokenize(" ".join(rng.choice(asked) for _ in range(10)))
        first = [_fields(x) for x in m.find(toks)]
        assert [_fields(x) for x in m.find(toks)] == first
        assert m._pool and not any(any(f) for f in m._pool)


def _fields(match: Match) -> tuple[str, int, int, int]:
    return match.etype, match.first, match.last, match.weight
