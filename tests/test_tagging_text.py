"""The tagger's fast text primitives must give exactly what the plain regex versions give."""

from __future__ import annotations

import random
import re

import pytest

from service.tagging import text as text_module
from service.tagging.text import (
    _SLUG_GAP_RE,
    _TOKEN_RE,
    Span,
    WordCues,
    WordHit,
    _add,
    _ascii_slug,
    _is_boundary,
    _scan,
    sentences,
    slug,
    tokenize,
    tokenize_sentences,
)

_PLAIN_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")


def _plain_sentences(text: str) -> list[Span]:
    """The sentence splitter as first written: one regex with a look-ahead."""
    spans: list[Span] = []
    begin, n = 0, len(text)
    for m in _PLAIN_SENT_END.finditer(text):
        cut = m.end()
        if m.group() != "\n" and not _is_boundary(text, m.start(), cut, n):
            continue
        _add(spans, text, begin, cut)
        begin = cut
    _add(spans, text, begin, n)
    return spans


def _texts(seed: int, parts: list[str], count: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(parts) for _ in range(rng.randrange(most))) for _ in range(count)]


def test_sentences_match_the_plain_splitter() -> None:
    parts = [".", "!", "?", "\n", " ", '"', "”", ")", "The", "U.S.", "Mr.", "J.", "\t", "“", "a"]
    for text in _texts(1, parts, 20000, 12):
        assert sentences(text) == _plain_sentences(text), repr(text)


def test_the_mark_scan_splits_like_the_end_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled build finds runs of end marks by a loop over code points, the Python
    source by _SENT_END_RE: both must give the same sentences."""
    parts = [".", "!", "?", "\n", " ", '"', "”", "’", "'", ")", "]", "“", "‘", "(", "The"]
    parts += ["U.S.", "Mr.", "J.", "\t", "a", "5", "...", "?!", "\r", "\u2028", "\u00a0", "é"]
    texts = _texts(9, parts, 20000, 12)
    typed = [sentences(text) for text in texts]
    monkeypatch.setattr(text_module, "COMPILED", False)
    for text, spans in zip(texts, typed, strict=True):
        assert spans == sentences(text), repr(text)


def test_tokens_and_offsets_match_the_token_regex() -> None:
    parts = ["Talks", "can't", "rock'n'roll", "5%", "İstanbul", "ﬁnal", "_x", " ", ". ", "’s", "\n"]
    for text in _texts(2, parts, 3000, 15):
        sents = sentences(text)
        for sp, toks in zip(sents, tokenize_sentences(text, sents), strict=True):
            ms = list(_TOKEN_RE.finditer(text, sp.start, sp.end))
            assert toks.lows == [m.group().lower() for m in ms], repr(text)
            assert toks.starts == [m.start() for m in ms]
            assert toks.ends == [m.end() for m in ms]
        whole = tokenize(text)
        assert whole.starts == [m.start() for m in _TOKEN_RE.finditer(text)]


def test_the_character_scan_splits_like_the_token_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled build splits by a loop over characters, the Python source by re.split:
    both must give the same tokens and offsets, on lower-cased text and not."""
    parts = ["Talks", "can't", "rock'n'roll", "5%", "İstanbul", "ﬁnal", "_x", " ", "’s", "σ"]
    parts += ["é", "Ω", "\u00a0", "'", "’", "%", "x2", "\n", "ß"]
    parts += ["²", "٣", "Ⅻ", "ǅ", "O'Brien", "Z9", "`", "{", "@", "-"]  # ASCII edges, wide digits
    monkeypatch.setattr(text_module, "COMPILED", False)
    for text in _texts(4, parts, 3000, 12):
        for offset, lowered in ((0, False), (7, False), (3, True)):
            src = text.lower() if lowered else text
            if len(src) != len(text):
                continue  # lowered text is only split when lower() keeps the offsets
            assert _scan(src, offset, lowered) == text_module._split(src, offset, lowered), src


def test_word_cues_search_like_the_regex() -> None:
    words = ["said", "that", "if", "he", "hit with"]
    plain = [
        (WordCues(words[:4]), re.compile(r"\b(?:said|that|if|he)\b", re.IGNORECASE)),
        (WordCues(words), re.compile(r"\b(?:hit with|said|that|if|he)\b", re.IGNORECASE)),
    ]
    parts = ["said", "SAID", "ſaid", "x_said", "said_", "said's", "that", "thatx", "If", "he"]
    parts += ["hit With", "hit  with", "Hit", "with", "İf", "é", " ", ", ", "_", "'", "-", ""]
    rng = random.Random(3)
    for text in _texts(3, parts, 3000, 25):
        starts = [rng.randrange(len(text) + 1) for _ in range(2)]
        for _ in range(15):  # the same starts again and again, as role finding asks
            pos, end = rng.choice(starts), rng.randrange(len(text) + 3)
            for cues, regex in plain:
                got, want = cues.search(text, pos, end), regex.search(text, pos, end)
                assert (got and got.span()) == (want and want.span()), (text, pos, end)


def test_word_cues_search_by_tokens_like_the_regex() -> None:
    """Once a text is tokenised, one-word cue searches look among its tokens: the same
    matches as the regex, apostrophes ("it's"), digits and odd letters included."""
    cues = WordCues(["said", "that", "if", "he", "it", "s", "hit with", "hit", "need to go"])
    regex = re.compile(r"\b(?:need\ to\ go|hit\ with|said|that|hit|if|he|it|s)\b", re.IGNORECASE)
    parts = ["said", "SAID", "Said's", "it's", "it’s", "He", "thatx", "that", "If", "said2"]
    parts += ["2said", "\u212aelvin", "é", "ſaid", "x_it", " ", ", ", "'", "’", "-", "5%", ". "]
    parts += ["hit", "Hit With", "with", "hit  with", "need to", "go", "Need To Go's", "to"]
    rng = random.Random(5)
    by_tokens = 0
    for text in _texts(6, parts, 3000, 20):
        tokenize_sentences(text, sentences(text))  # as the tagger does before role finding
        for _ in range(12):
            pos, end = rng.randrange(len(text) + 1), rng.randrange(len(text) + 3)
            got, want = cues.search(text, pos, end), regex.search(text, pos, end)
            assert (got and got.span()) == (want and want.span()), (text, pos, end)
            if got is not None:
                assert got.group() == want.group()  # type: ignore[union-attr]
            by_tokens += isinstance(got, WordHit)
    assert by_tokens > 1000  # the token path was taken, not only the regex


def test_ascii_slug_loop_matches_the_regex() -> None:
    parts = ["a", "Z", "0", "9", "-", "--", " ", "_", ".", "'", "/", "\t", "q7"]
    for text in _texts(12, parts, 3000, 12):
        low = text.lower()
        assert _ascii_slug(low) == _SLUG_GAP_RE.sub("-", low).strip("-"), text


def test_word_cues_last_match_is_the_last_of_finditer() -> None:
    """The last cue in a span, found by searches from each match's end (by tokens where the
    text was tokenised), is the last match the regex's finditer gives."""
    cues = WordCues(["he", "she", "it", "they", "s", "hit with"])
    parts = ["he", "He", "she's", "it's", "it’s", "They", "thex", "x_it", "hit With", "with"]
    parts += [" ", ", ", "'", "’", "-", "é", "\u212a", "İt", ". "]
    rng = random.Random(8)
    for n, text in enumerate(_texts(9, parts, 2000, 16)):
        if n % 2:
            tokenize_sentences(text, sentences(text))
        for _ in range(6):
            pos, end = rng.randrange(len(text) + 1), rng.randrange(len(text) + 3)
            found = list(cues.finditer(text, pos, end))
            got = cues.last(text, pos, end)
            want = found[-1] if found else None
            assert (got and got.span()) == (want and want.span()), (text, pos, end)


def test_capitalised_words_from_tokens_match_the_pattern() -> None:
    """The compiled name finder finds capitalised words by a loop over the characters, the
    Python source by a regex: the same spans, with the regex's odd corners ("élan-Vital" is
    one match, "l'Europe" starts at the capital, "iPhone" at its P)."""
    from service.tagging.entities import cap_words, cap_words_by_regex

    parts = ["Talks", "U.S.-led", "iPhone", "3M", "l'Europe", "O'Brien's", "élan-Vital", "É"]
    parts += ["σ", "_Foo", "x_Bar", "abc-Def", "McDonald", " ", ". ", "-", "'", "’", "ǅ", "٣"]
    parts += ["Ⅻ", "ſ", "İstanbul", "aBcD", "5%", "\n", "é", "Ω-Test", "’s", "ß"]
    for text in _texts(8, parts, 5000, 12):
        assert cap_words(text) == cap_words_by_regex(text), repr(text)


def test_one_character_case_test_matches_str_isupper() -> None:
    """The name finder reads one character's case by its code point where it is ASCII."""
    from service.tagging.entities import _upper_at

    chars = ["A", "Z", "a", "z", "@", "[", "`", "{", "É", "é", "ǅ", "Σ", "σ", "İ", "Ⅻ", "1", " "]
    for text in _texts(10, chars, 3000, 5):
        for k in range(len(text) + 2):
            assert _upper_at(text, k) == text[k : k + 1].isupper(), (text, k)


def test_mention_order_check_agrees_with_the_sort_key() -> None:
    """group() sorts an entity's mentions only where this check finds them out of order."""
    from service.tagging.entities import Mention, _in_mention_order, _mention_order
    from service.tagging.gazetteer import Entry

    entry = Entry("org:x", "ORG", "X", None)
    rng = random.Random(11)
    for _ in range(20000):
        ms = [
            Mention(rng.choice(["title", "body"]), s, s + rng.randrange(1, 3), "X", entry)
            for s in (rng.randrange(4) for _ in range(rng.randrange(2, 5)))
        ]
        keys = [_mention_order(m) for m in ms]
        assert _in_mention_order(ms) == (keys == sorted(keys)), ms


def test_sort_by_start_orders_as_the_stable_sort() -> None:
    from service.tagging.entities import Mention, sort_by_start
    from service.tagging.gazetteer import Entry

    entry = Entry("org:x", "ORG", "X", None)
    rng = random.Random(13)
    for _ in range(5000):
        ms = [Mention("body", rng.randrange(5), 9, "X", entry) for _ in range(rng.randrange(6))]
        want = sorted(ms, key=lambda m: m.start)
        sort_by_start(ms)
        assert [id(m) for m in ms] == [id(m) for m in want]


def test_taken_map_matches_slice_assignment() -> None:
    """_relink's map of the characters mentions take, made from runs, is the bytearray the
    slice assignments per mention give (mentions in order, out of order, overlapping)."""
    from service.tagging import _taken
    from service.tagging.entities import Mention
    from service.tagging.gazetteer import Entry

    entry = Entry("org:x", "ORG", "X", None)
    rng = random.Random(12)
    for _ in range(5000):
        n = rng.randrange(12)
        spans = [(s, s + rng.randrange(0, 4)) for s in (rng.randrange(n + 1) for _ in range(3))]
        ms = [Mention("body", s, min(e, n), "X", entry) for s, e in spans]
        if rng.random() < 0.5:
            ms.sort(key=lambda m: m.start)
        want = bytearray(n)
        for m in ms:
            want[m.start : m.end] = b"\x01" * (m.end - m.start)
        assert _taken(n, ms) == want, (n, spans)


def test_word_split_check_matches_the_str_tests() -> None:
    """Whether an offset cuts a run of regex word characters, read by code points."""
    from service.tagging.text import _splits_word

    chars = ["a", "Z", "0", "_", " ", "'", "’", "é", "٣", "Ⅻ", "@", "[", "`", "{", "/", ":"]
    for text in _texts(12, chars, 3000, 5):
        for i in range(len(text) + 1):
            a, b = text[i - 1 : i], text[i : i + 1]
            want = 0 < i < len(text) and (a.isalnum() or a == "_") and (b.isalnum() or b == "_")
            assert _splits_word(text, i) == want, (text, i)


def test_an_apostrophe_joins_a_slug() -> None:
    """As the labelled ids have it: "O'Rourke" is one word, "People's" too."""
    assert slug("Liam O'Rourke") == "liam-orourke"
    assert slug("Tigray People’s Liberation Front") == "tigray-peoples-liberation-front"
    assert slug("Côte d'Ivoire") == "cote-divoire"
