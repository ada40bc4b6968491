"""The compiled tokeniser's word table must give exactly the tokens and stems of a plain split."""

from __future__ import annotations

import random

from service.tagging import text as text_module
from service.tagging.text import _pack, _scan, _scan_words, _Words, stem


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


def _code(word: str) -> int:
    code = 0
    for c in word:
        code = _pack(code, ord(c))
    return code


def test_word_table_keeps_every_word_through_growth_and_collisions() -> None:
    """Many distinct words, packed (a-z, 0-9 and "'", at most 10 characters) and not, many of one
    length, through several doublings of a small table: each is found again as the word it
    was kept as, and a word never kept finds an empty slot."""
    rng = random.Random(3)
    letters = "abcé’'9"
    words = sorted(
        {"".join(rng.choice(letters) for _ in range(rng.randrange(1, 12))) for _ in range(6000)}
    )
    assert any(_code(w) < 0 for w in words) and any(_code(w) >= 0 for w in words)
    table = _Words(8)
    for w in words:
        assert table.find(w, 0, len(w), _code(w)) is None
        table.add(w, w.upper(), _code(w))
    assert table.count == len(words)
    assert len(table.slots) >= 2 * len(words)
    for w in words:
        text = "  " + w + " "
        kept = table.find(text, 2, 2 + len(w), _code(w))
        assert kept is not None and kept.word == w and kept.stem == w.upper()
    for w in ("zzzzzzzzzz", "zz", "abcabcabcabcz", "éz"):
        assert table.find(w, 0, len(w), _code(w)) is None


def test_packed_codes_are_the_words() -> None:
    """Codes are the words' characters, 6 bits each (a-z 1-26, 0-9 27-36, "'" 37, "%" 38):
    words of at most 10 such characters, one code each; any other word has none (-1)."""
    assert (
        _code("a") == 1
        and _code("ab") == 1 * 64 + 2
        and _code("z9'%") == ((26 * 64 + 36) * 64 + 37) * 64 + 38
    )
    assert _code("abcdefghij") >= 0 and _code("abcdefghijk") == -1 and _code("é") == -1
    assert _code("abcdefghijk") == _code("abcdefghijkl") and _code("A") == -1
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789'%"
    words = {"".join(random.Random(k).choices(alphabet, k=k % 10 + 1)) for k in range(20000)}
    words |= set(alphabet)
    codes = {_code(w) for w in words}
    assert len(codes) == len(words) and min(codes) > 0  # injective


def test_tokens_are_the_kept_words() -> None:
    """A known word's token is the str kept in the table (no new str per token)."""
    text_module._scan_words("the talks went on")
    first = text_module._scan_words("the talks went on")[0]
    again = text_module._scan_words("talks on the")[0]
    assert again[0] is first[1] and again[2] is first[0]


def test_parts_split_each_joined_token_in_two() -> None:
    parts = ["it's", "rock'n'roll", "o’brien", "talks", " ", "’", "'", "x", "5%", "é'a"]
    for text in _texts(11, parts, 2000, 12):
        lows, starts, ends = _scan(text, 0, False)
        want: tuple[list[str], list[int], list[int]] = ([], [], [])
        for w, s, e in zip(lows, starts, ends, strict=True):
            a = max(w.rfind("'"), w.rfind("’"))
            pieces = [(w, s, e)] if a < 0 else [(w[:a], s, s + a), (w[a + 1 :], s + a + 1, e)]
            for piece, ps, pe in pieces:
                want[0].append(piece)
                want[1].append(ps)
                want[2].append(pe)
        assert text_module._parts(text, lows, starts, ends) == want, repr(text)
