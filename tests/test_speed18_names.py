"""The name finder's look-up of words taken by a mention found already (speed18): the span
moved on along the mentions answers as a mark per character of the text did."""

from __future__ import annotations

import random
import re

from service.tagging import load_tagger
from service.tagging.entities import Mention, NameFinder, _keyed, _longest_name, _Runs
from service.tagging.gazetteer import Entry
from service.tagging.text import slug

_E = Entry("org:x", "ORG", "X", None)


def _mentions(rng: random.Random, n: int) -> list[Mention]:
    """Mentions in order of their starts, some overlapping, some touching."""
    out: list[Mention] = []
    pos = 0
    while pos < n and len(out) < 12:
        start = pos + rng.randrange(0, 6)
        end = start + rng.randrange(1, 12)
        out.append(Mention("body", start, min(end, n), "x", _E))
        pos = start + rng.randrange(0, 3)
    return [m for m in out if m.start < m.end]


def test_the_taken_span_answers_as_a_mark_per_character() -> None:
    rng = random.Random(18)
    for _ in range(2000):
        n = rng.randrange(1, 60)
        taken = _mentions(rng, n)
        mask = [False] * n
        for m in taken:
            for p in range(m.start, m.end):
                mask[p] = True
        runs = _Runs("x" * n, taken, frozenset())
        asked = sorted(rng.sample(range(n), rng.randrange(0, n + 1)))
        assert [runs._is_taken(s) for s in asked] == [mask[s] for s in asked], (taken, asked)


_WORD_RE = re.compile(r"[^\W_][\w'’.-]*")
_CHARS = "aZ9_ ,.-'’\u00e9\u00c9\u0661\u00b2\u2019x \t"


def _place_after_by_regex(names: NameFinder, text: str, end: int) -> bool:
    m = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    return m is not None and m.group().lower().rstrip(".,") in names.place_after


def _org_context_by_regex(names: NameFinder, text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 4) : start].lower()
    if not before.endswith(("a ", "an ", "the ")):
        return False
    m = _WORD_RE.search(text, end, end + 24)
    return (
        m is not None
        and text[end : m.start()] == " "
        and m.group().lower().rstrip(".,") in names.org_roles
    )


def _person_context_by_regex(names: NameFinder, text: str, end: int) -> bool:
    if end >= len(text) or not (text[end] == "," or text[end].isspace()):
        return False
    tail = text[end : end + 40]
    m = _WORD_RE.search(tail)
    if m is None:
        return False
    nxt = m.group().lower().rstrip(".,")
    gap = tail[: m.start()]
    if gap.strip() == "," and nxt in ("a", "an", "the"):
        m2 = _WORD_RE.search(tail, m.end())
        return m2 is not None and m2.group().lower().rstrip(".,") in names.role_after
    return gap == " " and nxt in names.verb_after


def _texts(rng: random.Random, names: NameFinder) -> list[str]:
    """Random texts made of cue words, noise characters and gaps."""
    words = sorted(names.place_after | names.org_roles | names.role_after | names.verb_after)
    words += ["a", "an", "the", "The", "Tawila"]
    out = []
    for _ in range(3000):
        parts = []
        for _ in range(rng.randrange(1, 9)):
            r = rng.random()
            if r < 0.5:
                w = rng.choice(words)
                parts.append(w.upper() if rng.random() < 0.1 else w)
            else:
                parts.append("".join(rng.choice(_CHARS) for _ in range(rng.randrange(0, 4))))
            parts.append(rng.choice([" ", " ", ", ", ".", "", "  ", " ,", "-"]))
        out.append("".join(parts))
    return out


def test_the_context_words_are_read_as_by_the_word_regex() -> None:
    names = load_tagger().names
    rng = random.Random(1818)
    for text in _texts(rng, names):
        for end in range(len(text) + 1):
            got = names._place_after(text, end)
            assert got == _place_after_by_regex(names, text, end), (text, end)
            got = names._person_context(text, end)
            assert got == _person_context_by_regex(names, text, end), (text, end)
        led = "the " + text  # an article, then a name from 4 on
        for end in range(4, len(led) + 1):
            got = names._org_context(led, 4, end)
            assert got == _org_context_by_regex(names, led, 4, end), (led, end)


def test_the_longest_name_is_the_min_of_the_distinct_names() -> None:
    rng = random.Random(7)
    pool = ["Li", "Lu", "Xi", "Ann Li", "Ann Lu", "Bo", "Ann", "Zoe Ann Li", "Zoe Ann Lu"]
    for _ in range(3000):
        names = [rng.choice(pool) for _ in range(rng.randrange(1, 6))]
        ms = [
            Mention("body", k, k + 1, n, Entry("person:x", "PERSON", n, None))
            for k, n in enumerate(names)
        ]
        want = min(set(names), key=lambda n: (-len(n), n))
        assert _longest_name(ms) == want, names


def test_keyed_tells_whether_a_slug_is_made() -> None:
    for name in ["Σ", "Σ Alpha", "Éric", "Ω-7", "Ünal", "ΑΒΓ", "Ⅻ", "Abe", "Ǆ", "ﬁ"]:
        assert _keyed(name) == bool(slug(name)), name


def test_every_character_that_lowers_to_a_place_word_end_is_asked_for() -> None:
    names = load_tagger().names
    ends = {w[-2] for w in names.place_before}
    for o in range(0x110000):
        low = chr(o).lower()
        if low and low[-1] in ends:
            assert chr(o) in names._place_ends, hex(o)


def test_an_entrys_name_words_are_its_split_name_every_time() -> None:
    for name in ["Lin Jian", " Ayen  Lado ", "Xi", "", "Jean-Luc Mélenchon Jr."]:
        e = Entry("person:x", "PERSON", name, None)
        assert e.name_words() == name.split()
        assert e.name_words() is e.name_words()  # split once
