"""The typed word scan of _title_case against the regular expression it stands for."""

from __future__ import annotations

import random
import re

from service.tagging import _title_case

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
CHARS = ["a", "B", "é", "É", "ß", "z", "Z", "1", "٣", "²", "_", "'", "’", "-", " ", ",", ".", "\n"]
CHARS += ["Talks", "Trade", "tariff", "of", "On", "ǅ", "ﬁ", "中", "\u0301", "@", "x"]


def _title_case_re(title: str) -> bool:
    """_title_case as it was: the words of the regex."""
    words = [w for w in _WORD_RE.findall(title) if len(w) > 3]
    return len(words) >= 3 and 5 * sum(w[0].isupper() for w in words) >= 4 * len(words)


def test_title_case_scan_matches_the_regex() -> None:
    rng = random.Random(9)
    for _ in range(20000):
        title = "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 40)))
        assert _title_case(title) == _title_case_re(title), title


def test_title_case_scan_on_every_character() -> None:
    # each code point as a word's start (a capital, a small letter or none tell three
    # answers apart) and inside a word
    for o in range(0x10000):
        c = chr(o)
        for title in (f"Aaaa Bbbb {c}ccc", f"Aaaa Bbbb Cccc Dddd eeee {c}fff", f"Aaaa Bbbb C{c}cc"):
            assert _title_case(title) == _title_case_re(title), (o, title)
