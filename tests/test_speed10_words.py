"""The compiled tokeniser's word table must give exactly the tokens and stems of a plain split."""

from __future__ import annotations

import random

from service.tagging import text as text_module
from service.tagging.text import _scan, _scan_words, _Words, stem


def _texts(seed: int, parts: list[str], count: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(parts) for _ in range(rng.randrange(most))) for _ in range(count)]


def test_word_table_scan_matches_the_plain_scan_and_stems() -> None:
    parts = ["talks", "can't", "rock'n'roll", "5%", "ﬁnal", "_x", " ", "’s", "σ", "é", "ω"]
    parts += ["\u00a0", "'", "’", "%", "x2", "\n", "ß", "²", "٣", "o'brien", "z9", "-", "a"]
    parts += ["shelling", "forces", "said", "says", "presidential", "internationalisation"]
    for text in _texts(7, parts, 3000, 14):
        low = text.lower()
        if len(low) != len(text):
            continue
        toks, starts, ends = _scan(low, 0, True)
        assert _scan_words(low) == (toks, [stem(t) for t in toks], starts, ends), repr(text)


def test_word_table_keeps_every_word_through_growth_and_collisions() -> None:
    """Many distinct words, some of one length and hash neighbours, through several doublings
    of a small table: each is found again as the word it was kept as."""
    rng = random.Random(3)
    words = sorted(
        {"".join(rng.choice("abcé’'9") for _ in range(rng.randrange(1, 9))) for _ in range(5000)}
    )
    table = _Words(8)
    for w in words:
        k = table.slot(w, 0, len(w))
        if not table.keys[k]:
            table.add(k, w, w.upper())
    assert table.count == len(words)
    assert len(table.keys) >= 2 * len(words)
    for w in words:
        text = "  " + w + " "
        k = table.slot(text, 2, 2 + len(w))
        assert table.keys[k] == w and table.stems[k] == w.upper()
    assert not table.keys[table.slot("zzzzzzzzzz", 0, 10)]


def test_tokens_are_the_kept_words() -> None:
    """A known word's token is the str kept in the table (no new str per token)."""
    text_module._scan_words("the talks went on")
    first = text_module._scan_words("the talks went on")[0]
    again = text_module._scan_words("talks on the")[0]
    assert again[0] is first[1] and again[2] is first[0]
