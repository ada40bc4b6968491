"""Sentences, tokens and a light stemmer. Everything here is linear-time."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Final, NamedTuple

if TYPE_CHECKING:  # only in annotations, which are never evaluated (see __future__ above)
    # a machine integer to mypyc (no tag checks on each operation); a plain int as Python
    from mypy_extensions import i64

# Module constants are Final: compiled, each is read from a C static, not looked up by name in
# the module's dict on every use.
# One alternation-free pattern per token: a word run, optionally joined by an apostrophe.
_TOKEN_RE: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|%")
_SPLIT_RE: Final = re.compile("(" + _TOKEN_RE.pattern + ")")
# The same on lower-cased text where every letter or digit is ASCII: a third faster to scan.
_SPLIT_ASCII_RE: Final = re.compile(r"([a-z0-9]+(?:['’][a-z0-9]+)?|%)")
_NON_ASCII_RE: Final = re.compile(r"[^\x00-\x7f]")
# A sentence end is a run of [.!?] (with closing quotes/brackets) that whitespace follows, or a
# newline. One leading character class keeps the scan at C speed (a look-ahead or an alternation
# here triples it): a newline's match may carry a following run, which is split off in Python.
_SENT_END_RE: Final = re.compile(r"[.!?\n][.!?]*[\"'”’)\]]*")
_ABBREV: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "prof",
        "adm",
        "sgt",
        "capt",
        "maj",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
    ]
)
_SOFT_ABBREV: Final = frozenset({"u.s.", "u.k.", "u.n.", "e.u.", "d.c.", "u.s.a."})
_OPENERS: Final = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "But",
        "And",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Their",
        "Its",
        "Meanwhile",
        "However",
        "While",
        "After",
        "Before",
        "Since",
        "Asked",
        "Analysts",
        "Officials",
    ]
)


class Toks:
    """A sentence's tokens as parallel lists: lower-case forms, stems and character offsets;
    ``masks``, where given, the cue bits (see _CueBits) of generation ``gen`` of the text's
    tokens, this sentence's from index ``first`` (no list of its own to make and free);
    ``kept``, where given, the text's tokens as the tokeniser keeps them (see _Word.memo),
    likewise from ``first``."""

    __slots__ = (
        "ends",
        "first",
        "gen",
        "kept",
        "lows",
        "masks",
        "span",
        "starts",
        "stems",
        "text",
    )

    def __init__(
        self,
        lows: list[str],
        stems: list[str],
        text: str,
        span: tuple[int, int],
        starts: list[int],
        ends: list[int],
        masks: list[int] | None = None,
        gen: int = -1,
        first: int = 0,
        kept: list[_Word | None] | None = None,
    ) -> None:
        self.lows = lows
        self.stems = stems
        self.text = text
        self.span = span
        self.starts = starts
        self.ends = ends
        self.masks = masks
        self.gen = gen
        self.first = first
        self.kept = kept

    def word_masks(self) -> list[int] | None:
        """The cue bits of the text's tokens (this sentence's from index ``first``), if they
        have all the bits given so far (see word_bit)."""
        return self.masks if self.gen == _CUES.gen else None

    def __len__(self) -> int:
        return len(self.lows)


class Span(NamedTuple):
    start: int
    end: int


# words whose suffix is not an inflection ("according" is not a form of "accord")
# words the suffix rules would merge with another word: "forcing" is no "forces",
# "shelling" no "Shell"
_STEM_EXCEPTIONS: Final = {
    "according": "according",
    "accordingly": "accordingly",
    "news": "news",
    "forced": "forced",
    "forcing": "forcing",
    "shelled": "shelled",  # not the company Shell
    "shelling": "shelling",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Crude, consistent suffix stripping so that inflections of a trigger meet."""
    w = word.lower().replace("’", "'")
    if w in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[w]
    if w.endswith("'s"):
        w = w[:-2]
    n = len(w)
    if n > 4 and (w.endswith("ies") or w.endswith("ied")):
        w = w[:-3] + "y"
    elif n > 5 and w.endswith("ing"):
        w = _undouble(w[:-3])
    elif n > 4 and w.endswith("eed"):
        w = w[:-1]
    elif n > 4 and w.endswith("ed"):
        w = _undouble(w[:-2])
    elif n > 4 and w.endswith("es") and w[-3] in "sxzh":
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith("ss") and not w.endswith("us"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        return w[:-1]
    return w


_STEMS: Final[dict[str, str]] = {}


def tokenize(text: str, start: int = 0, end: int | None = None) -> Toks:
    stop = len(text) if end is None else end
    lows, starts, ends = _split(text[start:stop], start, False)
    return Toks(lows, _stems(lows), text, (start, stop), starts, ends)


def _split(text: str, offset: int, lowered: bool) -> tuple[list[str], list[int], list[int]]:
    """Tokens with their offsets. Compiled, one pass over the characters is fastest; as
    Python, re.split (it alternates gap, token, gap, ...) at C speed."""
    if COMPILED:
        return _scan(text, offset, lowered)
    parts = (_SPLIT_ASCII_RE if lowered and ascii_alnum(text) else _SPLIT_RE).split(text)
    cum = list(accumulate(map(len, parts), initial=offset))
    toks = parts[1::2]
    return (toks if lowered else [t.lower() for t in toks]), cum[1:-1:2], cum[2::2]


# int objects for the offsets of most texts, made once: compiled, an offset appended to a list
# is otherwise a new int object each time (CPython keeps only those up to 256), made here and
# freed with the article. Typed Any, so that the compiled code passes the object on as it is.
_OFFSETS: Final[list[Any]] = list(range(8192))


def _offset(k: i64) -> Any:
    """The int k, as a kept object where there is one."""
    return _OFFSETS[k] if k < 8192 else k


def _scan(text: str, offset: int, lowered: bool) -> tuple[list[str], list[int], list[int]]:
    """What ``_split`` returns, found by one typed loop over the characters (the compiled
    build runs it as C, its positions machine integers; see ``_token_end``)."""
    toks: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n: i64 = len(text)
    at: i64 = offset
    i: i64 = 0
    while i < n:
        j = _token_end(text, i, n)
        if j == i:
            i += 1
            continue
        toks.append(text[i:j] if lowered else text[i:j].lower())
        starts.append(_offset(i + at))
        ends.append(_offset(j + at))
        i = j
    return toks, starts, ends


def _token_end(text: str, i: i64, n: i64) -> i64:
    """Where the token that starts at i ends, or i where none does: a token is a run of
    letters and digits, optionally joined to a second run by one apostrophe ("don't",
    "d'Ivoire"), or a "%". Characters are read as code points (``ord(text[i])`` compiles to
    a plain read; ``text[i]`` would make a str per character)."""
    o: i64 = ord(text[i])  # a letter or digit: what the token pattern's [^\W_] matches
    if not (97 <= o <= 122 or 48 <= o <= 57 or 65 <= o <= 90) and (
        o < 128 or not text[i].isalnum()
    ):
        return i + 1 if o == 37 else i  # "%"
    j = _alnum_end(text, i + 1, n)
    if j + 1 < n and _is_apostrophe(ord(text[j])) and _alnum_at(text, j + 1):
        j = _alnum_end(text, j + 2, n)
    return j


def _alnum_at(text: str, i: i64) -> bool:
    """``text[i].isalnum()`` without a str for the character where it is ASCII."""
    o: i64 = ord(text[i])
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57
    return text[i].isalnum()


def _alnum_end(text: str, j: i64, n: i64) -> i64:
    """The end of the run of letters and digits that goes on at j (the ASCII test is
    written out: most characters of a token pass it, and a call per character costs more)."""
    while j < n:
        o: i64 = ord(text[j])
        if 97 <= o <= 122 or 48 <= o <= 57 or 65 <= o <= 90:
            j += 1
        elif o < 128 or not text[j].isalnum():
            break
        else:
            j += 1
    return j


def _is_apostrophe(o: i64) -> bool:
    return o == 39 or o == 0x2019  # ' and ’


def _compiled() -> bool:
    """Whether this module runs compiled (a compiled function has no Python code object)."""
    return not hasattr(_compiled, "__code__")


COMPILED = _compiled()


def ascii_alnum(text: str) -> bool:
    """Whether every letter and digit of text is ASCII (curly quotes and dashes may not be)."""
    return text.isascii() or not any(c.isalnum() for c in set(_NON_ASCII_RE.findall(text)))


def _stems(lows: list[str]) -> list[str]:
    table = _STEMS  # most words have been seen: one typed dict lookup each
    return [s if (s := table.get(w)) is not None else _stem_cached(w) for w in lows]


class _CueBits:
    """A bit for each distinct list of plain word cues (see WordCues), and for each word the
    bits of the lists it begins a cue of: kept on the word in the tokeniser's word table, so
    that a text's tokens come with them (``FieldWords.masks``) and a cue search tests a bit
    per token where it looked each token up in a set. ``gen`` changes with every new list:
    masks made before it are not read."""

    __slots__ = ("bits", "gen", "heads", "stem_bits", "stems")

    def __init__(self) -> None:
        self.bits: dict[frozenset[str], int] = {}
        self.heads: dict[str, int] = {}
        self.stem_bits: dict[frozenset[str], int] = {}  # as ``bits``, for sets of stems
        self.stems: dict[str, int] = {}  # as ``heads``, by a word's stem
        self.gen: i64 = 0

    def bit(self, heads: frozenset[str]) -> i64:
        """The bit of the cue list whose cues begin with ``heads``; 0 once 62 are given."""
        return self._give(self.bits, self.heads, heads)

    def stem_bit(self, stems: frozenset[str]) -> i64:
        """A bit set in a token's cue bits where its stem is one of ``stems`` (the matcher's
        words: a bit test per token where a dict look-up by stem costs several times more);
        0 once 62 bits are given."""
        return self._give(self.stem_bits, self.stems, stems)

    def _give(
        self, given: dict[frozenset[str], int], by: dict[str, int], words: frozenset[str]
    ) -> i64:
        """The bit ``given`` holds for ``words``, else a new one (of the 62 that word and
        stem bits share) marked on each of them in ``by``."""
        bit: i64 = given.get(words, 0)
        if bit or len(self.bits) + len(self.stem_bits) >= 62:
            return bit
        bit = 1 << (len(self.bits) + len(self.stem_bits))
        given[words] = bit
        for w in words:
            by[w] = by.get(w, 0) | bit
        self._renew()
        return bit

    def of(self, word: str, stem: str) -> int:
        """The cue bits of a word and its stem."""
        return self.heads.get(word, 0) | self.stems.get(stem, 0)

    def _renew(self) -> None:
        """The words met before get their masks anew (with a new bit), and masks made before
        are not read from now on."""
        for kept in _WORDS.slots:
            if kept is not None:
                kept.cues = self.of(kept.word, kept.stem)
        self.gen += 1  # (after the words: a text scanned meanwhile has the old number)


_CUES: Final = _CueBits()


def word_bit(words: frozenset[str]) -> int:
    """A bit set in the cue bits of a token (``Toks.word_masks``) exactly where the token
    is one of ``words`` (0 once none is left): a test of a bit per token where a set
    look-up costs several times more."""
    return _CUES.bit(words)


def stem_bit(stems: frozenset[str]) -> int:
    """As word_bit, where the token's stem is one of ``stems``."""
    return _CUES.stem_bit(stems)


class _Word:
    """A word kept in ``_Words``: its str, stem and packed code (-1 where it has none), and
    the cue lists it begins a cue of (``cues``, see _CueBits).

    ``matched``, ``named``, ``cued``, ``scored`` and ``weighed``: what the trigger matcher,
    the gazetteer, the event finder's cue table, the sentence model and the article model last
    looked up for the word in their tables (``matched_in`` ... ``weighed_in``, compared by
    identity; tables never changed once made): read off a token's kept word (``Toks.kept``),
    the look-up, a dict's by str, is made once per word, not once per token."""

    __slots__ = (
        "code",
        "cued",
        "cued_in",
        "cues",
        "matched",
        "matched_in",
        "named",
        "named_in",
        "scored",
        "scored_in",
        "stem",
        "weighed",
        "weighed_in",
        "word",
    )

    def __init__(self, word: str, stem: str, code: i64) -> None:
        self.word = word
        self.stem = stem
        self.code = code
        self.cues: Any = _CUES.of(word, stem)  # (an object: see _scan_table)
        self.matched_in: object = None
        self.matched: Any = None
        self.named_in: object = None
        self.named: Any = None
        self.cued_in: object = None
        self.cued: Any = None
        self.scored_in: object = None
        self.scored: Any = None
        self.weighed_in: object = None
        self.weighed: Any = None


class _Words:
    """The distinct words the tokeniser met, each with its stem, in an open-addressing table.
    A token of a lower-cased text is looked up by its characters in place: a known word is
    neither sliced out of the text (a new str per token) nor hashed for a dict look-up; its
    token is the kept str, its stem the kept one.

    Most words are of a-z, 0-9 and "'" and at most 10 characters long: their characters
    packed 6 bits each (``_pack``) are the word itself as an int, compared with one test (a
    native attribute: no int object is read); another word is compared character by
    character."""

    __slots__ = ("count", "mask", "slots")

    def __init__(self, size: i64) -> None:
        self.slots: list[_Word | None] = [None] * size
        self.mask: i64 = size - 1  # the size is a power of two
        self.count: i64 = 0

    def find(self, text: str, i: i64, j: i64, code: i64) -> _Word | None:
        """The kept word text[i:j] (packed as ``code``, or -1), if it is kept. A packed word
        (most tokens) is probed here, as ``slot`` does: no second call and read per token."""
        if code < 0:
            return self.slots[self.slot(text, i, j, code)]
        slots = self.slots
        mask = self.mask
        k = code % 1_000_003 & mask
        while True:
            w = slots[k]
            if w is None or w.code == code:
                return w
            k = (k + 1) & mask

    def slot(self, text: str, i: i64, j: i64, code: i64) -> i64:
        """Where the word text[i:j] (packed as ``code``, or -1) is kept, or the empty slot
        where it would go."""
        slots = self.slots
        mask = self.mask
        if code >= 0:
            k = code % 1_000_003 & mask
            while True:
                w = slots[k]
                if w is None or w.code == code:
                    return k
                k = (k + 1) & mask
        k = _code_hash(text, i, j) & mask
        while True:
            w = slots[k]
            if w is None or (w.code < 0 and _same(w.word, text, i, j)):
                return k
            k = (k + 1) & mask

    def add(self, word: str, stem: str, code: i64) -> _Word | None:
        """Keep word (packed as ``code``, or -1), not kept yet, and its stem, and return the
        kept word (None once full); the table is kept at most half full, by doubling, and no
        more words than ``_STEMS`` keeps."""
        if self.count >= 200_000:
            return None
        kept = _Word(word, stem, code)
        self.slots[self.slot(word, 0, len(word), code)] = kept
        self.count += 1
        if 2 * self.count >= len(self.slots):
            old = self.slots
            self.slots = [None] * (2 * len(old))
            self.mask = len(self.slots) - 1
            for w in old:
                if w is not None:
                    self.slots[self.slot(w.word, 0, len(w.word), w.code)] = w
        return kept


def _pack(code: i64, o: i64) -> i64:
    """The packed code of a word (``code``, or -1 if none) followed by the character of code
    point o: 6 bits a character (``_six``), for words of a-z, 0-9, "'" and "%" of at most 10
    characters (no character is 0, so no two words share a code), else -1. (6 bits, not 7:
    the words of a lower-cased text up to 10 characters long, not 8, are packed.)"""
    six = _six(o)
    if 0 <= code < 1 << 54 and six > 0:
        return code * 64 + six
    return -1


def _six(o: i64) -> i64:
    """The 6-bit digit of the character of code point o: a-z 1-26, 0-9 27-36, "'" 37 and
    "%" 38; 0 for any other (capitals are never packed: the packed texts are lower-cased)."""
    if 97 <= o <= 122:
        return o - 96
    if 48 <= o <= 57:
        return o - 21
    if o == 39:
        return 37
    return 38 if o == 37 else 0


def _code_hash(text: str, i: i64, j: i64) -> i64:
    """A hash of the code points of text[i:j], small enough never to overflow an i64."""
    h: i64 = 0
    while i < j:
        h = (h * 31 + ord(text[i])) & 0xFFFFFFF
        i += 1
    return h


def _same(word: str, text: str, i: i64, j: i64) -> bool:
    """Whether ``text[i:j] == word``, compared in place: as long, and found at i within
    text[i:j] (compiled, ``str.find`` with bounds is one C call, where a loop over the
    characters read each twice)."""
    return len(word) == j - i and text.find(word, i, j) == i


_WORDS: Final = _Words(8192)


def _scan_words(low: str) -> tuple[list[str], list[str], list[int], list[int]]:
    """``_scan(low, 0, True)`` and the tokens' stems, each token a word kept in ``_WORDS``
    (see there) once it has been met."""
    toks, stems, starts, ends, _, _ = _scan_table(low)
    return toks, stems, starts, ends


def _scan_table(
    low: str,
) -> tuple[list[str], list[str], list[int], list[int], list[int], list[_Word | None]]:
    """``_scan_words(low)``, the tokens' cue bits (see _CueBits) and their kept words (None
    where the table is full). The token scan packs each word as it goes.

    The six lists are made at a size most texts fill (a token and its gap take about six
    characters), written in place and cut to the tokens found: compiled, a store by index
    costs less than an append; tokens past the guess are appended."""
    words = _WORDS
    n: i64 = len(low)
    cap: i64 = n // 6 + 8
    toks: list[str] = [""] * cap
    stems: list[str] = [""] * cap
    starts: list[int] = [0] * cap
    ends: list[int] = [0] * cap
    bits: list[int] = [0] * cap
    kepts: list[_Word | None] = [None] * cap
    k: i64 = 0
    i: i64 = 0
    while i < n:
        o: i64 = ord(low[i])
        if not (97 <= o <= 122 or 48 <= o <= 57 or 65 <= o <= 90) and (
            o < 128 or not low[i].isalnum()
        ):
            if o != 37:  # not "%": no token starts here
                i += 1
                continue
            j, code = i + 1, 38  # (``_pack(0, 37)``)
        else:
            j, code = _packed_run(low, i, n, 0)
            if j + 1 < n and _is_apostrophe(ord(low[j])) and _alnum_at(low, j + 1):
                j, code = _packed_run(low, j + 1, n, _pack(code, ord(low[j])))
        kept = words.find(low, i, j, code)
        if kept is not None:
            w = kept.word
            st = kept.stem
            cues: Any = kept.cues  # (an int object kept: no new one per token)
        else:
            w = low[i:j]
            st = _stem_cached(w)
            kept = words.add(w, st, code)
            cues = _CUES.of(w, st)
        if k < cap:
            kepts[k] = kept
            toks[k] = w
            bits[k] = cues
            stems[k] = st
            # (``_offset`` written out: a call per offset costs more)
            starts[k] = _OFFSETS[i] if i < 8192 else i
            ends[k] = _OFFSETS[j] if j < 8192 else j
        else:
            kepts.append(kept)
            toks.append(w)
            stems.append(st)
            bits.append(cues)
            starts.append(_offset(i))
            ends.append(_offset(j))
        k += 1
        i = j
    if k < cap:
        del toks[k:], stems[k:], starts[k:], ends[k:], bits[k:], kepts[k:]
    return toks, stems, starts, ends, bits, kepts


def _packed_run(text: str, j: i64, n: i64, code: i64) -> tuple[i64, i64]:
    """``_alnum_end(text, j, n)``, and ``code`` with the run's characters packed on (the
    test of ``_pack`` written out: a call per character costs more)."""
    while j < n:
        o: i64 = ord(text[j])
        if 97 <= o <= 122:
            # not "x if c else y": mypyc would make its value an int object
            if 0 <= code < 1 << 54:  # noqa: SIM108
                code = code * 64 + (o - 96)
            else:
                code = -1
        elif 48 <= o <= 57:
            if 0 <= code < 1 << 54:  # noqa: SIM108
                code = code * 64 + (o - 21)
            else:
                code = -1
        elif 65 <= o <= 90 or (o >= 128 and text[j].isalnum()):
            code = -1
        else:
            break
        j += 1
    return j, code


class _Kept:
    """What the tokeniser keeps of the last texts it split, for later look-ups by identity
    (each field replaced whole, never changed in place): a native object when compiled,
    its fields read directly where module globals that are assigned to are dict look-ups
    (cue searches ask for every search).

    ``lows``: (text, text.lower()) of the last two texts tokenize_sentences lowered (a
    title and a body: the name finder and the cue searches lower them again); ``fields``:
    their words for cue searches (see _remember); ``lower``: _ascii_lower's one-entry
    cache."""

    __slots__ = ("fields", "lower", "lows")

    def __init__(self) -> None:
        self.lows: tuple[tuple[str, str], ...] = ()
        self.fields: tuple[FieldWords, ...] = ()
        self.lower: tuple[str | None, str | None] = (None, None)


_KEPT: Final = _Kept()


def lowered(text: str) -> str:
    """``text.lower()``, kept from tokenize_sentences for the last two texts it split
    (found by identity: a str never changes)."""
    for seen, low in _KEPT.lows:
        if seen is text:
            return low
    return lower(text)


_ASCII_BYTES: Final = bytes(range(128))


def lower(text: str) -> str:
    """``text.lower()``. Where a few characters are beyond ASCII (curly quotes, dashes),
    str.lower maps every character through the Unicode tables, several times slower than
    its ASCII path: the UTF-8 bytes are lowered instead (bytes.lower changes only A-Z, as
    str.lower does on ASCII), if no character beyond ASCII has a lower case of its own."""
    if text.isascii():
        return text.lower()
    try:
        raw = text.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return text.lower()
    wide = raw.translate(None, _ASCII_BYTES).decode()
    if wide.lower() != wide:  # (a capital sigma is lowered by its neighbours: never here)
        return text.lower()
    return raw.lower().decode()


def tokenize_sentences(text: str, sents: list[Span]) -> list[Toks]:
    """Tokens of each sentence. The whole text is split once; no token crosses a sentence end."""
    low = lower(text)
    _KEPT.lows = (*_KEPT.lows[-1:], (text, low))
    if len(low) != len(text):  # lower() changed some lengths: tokenise the original
        lows, starts, ends = _split(text, 0, False)
        return _sentence_toks(text, sents, lows, _stems(lows), starts, ends, None, -1)
    gen = _CUES.gen  # (read before the scan: see _CueBits)
    lows, stems, starts, ends, masks, kept = _words(low)
    out = _sentence_toks(text, sents, lows, stems, starts, ends, masks, gen, kept)
    _remember(text, lows, starts, ends, masks, gen)  # (after: it keeps split copies)
    return out


def _sentence_toks(
    text: str,
    sents: list[Span],
    lows: list[str],
    stems: list[str],
    starts: list[int],
    ends: list[int],
    masks: list[int] | None,
    gen: int,
    kept: list[_Word | None] | None = None,
) -> list[Toks]:
    """The tokens of each sentence, cut from those of the whole text."""
    out: list[Toks] = []
    hi = 0
    for sp in sents:
        lo = _first_at(starts, sp[0], hi)
        hi = _first_at(starts, sp[1], lo)
        out.append(
            Toks(
                lows[lo:hi],
                stems[lo:hi],
                text,
                sp,
                starts[lo:hi],
                ends[lo:hi],
                masks,
                gen,
                lo,
                kept,
            )
        )
    return out


def _words(
    low: str,
) -> tuple[list[str], list[str], list[int], list[int], list[int], list[_Word | None] | None]:
    """The tokens of a lower-cased text, their stems, offsets, cue bits and, compiled, kept
    words."""
    if COMPILED:
        return _scan_table(low)
    lows, starts, ends = _split(low, 0, True)
    stems = _stems(lows)
    return lows, stems, starts, ends, list(map(_CUES.of, lows, stems)), None


def first_word(form: str) -> str:
    """A name's first token as the tokeniser gives it for the text (lower-cased)."""
    parts = _SPLIT_RE.split(form, maxsplit=1)
    return parts[1].lower() if len(parts) > 1 else ""


def _stem_cached(w: str) -> str:
    # interned: one object a stem, so the models' tables (keys interned too) find it by
    # identity, without reading both strings
    s = sys.intern(stem(w))
    if len(_STEMS) < 200_000:
        _STEMS[w] = s
    return s


def sentences(text: str) -> list[Span]:
    """Split into sentence spans, trimmed of surrounding whitespace. Compiled, the runs of end
    marks are found from the positions of the marks (the regex's match objects and per-
    character test cost more); as Python, by the regex at C speed."""
    spans: list[Span] = []
    n = len(text)
    begin = 0
    if COMPILED:
        cut = 0
        for dot in _marks(text):
            if dot >= cut:  # not inside the run before: where the regex's next match starts
                cut = _mark_run_end(text, dot, n)
                begin = _close(spans, text, begin, dot, cut, n)
    else:
        for m in _SENT_END_RE.finditer(text):
            dot, cut = m.span()
            begin = _close(spans, text, begin, dot, cut, n)
    _add(spans, text, begin, n)
    return spans


def _close(spans: list[Span], text: str, begin: int, dot: int, cut: int, n: int) -> int:
    """Add the sentence that the run of end marks text[dot:cut] (a match of _SENT_END_RE)
    closes, if it closes one; return where the next sentence begins. (Characters are tested
    by code point: compiled, ``text[i]`` makes a str and ``str.isspace`` is a generic call.)"""
    if ord(text[dot]) == 10:  # "\n"
        _add(spans, text, begin, dot + 1)
        begin = dot + 1
        dot += 1
        if dot == cut or ord(text[dot]) not in (46, 33, 63):  # ".!?"
            return begin  # a newline alone; closers after it end nothing
    if cut >= n or not _space_at(text, cut) or not _is_boundary(text, dot, cut, n):
        return begin
    _add(spans, text, begin, cut)
    return cut


def _marks(text: str) -> list[int]:
    """Where the text holds ".", "!", "?" or a newline, in order: each found by str.find (a
    primitive when compiled, scanning at memchr speed), as they are few."""
    out: list[int] = []
    for mark in (".", "!", "?", "\n"):
        p = text.find(mark)
        while p >= 0:
            out.append(p)
            p = text.find(mark, p + 1)
    out.sort()
    return out


def _mark_run_end(text: str, dot: int, n: int) -> int:
    """Where _SENT_END_RE's match at dot ends: more of ".!?", then closing quotes and
    brackets (" ' ” ’ ) ])."""
    k = dot + 1
    while k < n and ord(text[k]) in (46, 33, 63):
        k += 1
    while k < n and ord(text[k]) in (34, 39, 0x201D, 0x2019, 41, 93):
        k += 1
    return k


def _is_boundary(text: str, dot: int, cut: int, n: int) -> bool:
    j = cut
    while j < n and ord(text[j]) in (32, 9, 13):  # " \t\r" (by code: no str per character)
        j += 1
    if j >= n:
        return True
    nxt = text[j]
    o = ord(nxt)  # (an ASCII capital by its code: compiled, isupper() is a generic call)
    if not ((65 <= o <= 90 if o < 128 else nxt.isupper()) or nxt.isdigit() or nxt in "\"“'‘(["):
        return False
    if ord(text[dot]) != 46:  # "."
        return True
    k = dot
    while k > 0 and not _space_at(text, k - 1):
        k -= 1
    word = text[k : dot + 1].lower().lstrip("\"“'‘([")
    if word in _SOFT_ABBREV:
        m = _TOKEN_RE.match(text, j)
        return bool(m and m.group() in _OPENERS)
    bare = word.rstrip(".")
    if bare in _ABBREV:
        return False
    # single initials ("J. Smith") and dotted acronyms are not sentence ends
    return not (len(bare) == 1 and bare.isalpha()) and not (
        "." in bare and len(bare) <= 6 and bare.replace(".", "").isalpha()
    )


def _space_at(text: str, i: int) -> bool:
    """``text[i].isspace()``, reading a code point where it is ASCII (no str per character)."""
    o = ord(text[i])
    if o < 128:
        return o == 32 or 9 <= o <= 13 or 28 <= o <= 31
    return text[i].isspace()


# tuple.__new__, looked up once (compiled, ``tuple.__new__(...)`` is a method look-up per call),
# and Span, read from a static (compiled, a class that is no native one is otherwise looked up
# in the module's dict on each use)
_new_tuple: Final = tuple.__new__
_SPAN: Final = Span


def _add(spans: list[Span], text: str, a: int, b: int) -> None:
    while a < b and _space_at(text, a):
        a += 1
    while b > a and _space_at(text, b - 1):
        b -= 1
    if b > a:
        spans.append(_new_tuple(_SPAN, (a, b)))  # no NamedTuple __new__ call: one per sentence


_SLUG_GAP_RE: Final = re.compile(r"[^a-z0-9]+")


def slug(s: str) -> str:
    """Lower-case letters and digits joined by "-"; an apostrophe joins ("O'Rourke" is
    ``orourke``, "People's" ``peoples``), as the labelled ids have it."""
    if "'" in s or "\u2019" in s:
        s = s.replace("'", "").replace("\u2019", "")
    if s.isascii():  # NFKD changes no ASCII text: one regex pass does the same
        if COMPILED:
            return _ascii_slug(s.lower())
        return _SLUG_GAP_RE.sub("-", s.lower()).strip("-")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    out: list[str] = []
    dash = False
    for c in s:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def _ascii_slug(low: str) -> str:
    """``_SLUG_GAP_RE.sub("-", low).strip("-")`` for lower-case ASCII text: its runs of
    letters and digits joined by "-". Compiled, a typed loop over character codes costs less
    than the regex substitution (a slug is made for every name no list knows)."""
    runs: list[str] = []
    n = len(low)
    i = 0
    while i < n:
        j = i
        while j < n and _slug_char(ord(low[j])):
            j += 1
        if j > i:
            runs.append(low[i:j])
            i = j
        else:
            i += 1
    return runs[0] if len(runs) == 1 else "-".join(runs)


def _slug_char(o: int) -> bool:
    """Whether the character of code ``o`` stays in a slug: a-z or 0-9."""
    return 97 <= o <= 122 or 48 <= o <= 57


def clean(text: str) -> str:
    """Make any str safe to process: lone surrogates become U+FFFD, length preserved."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


_MISS: Final = object()
_WORD_RUN_RE: Final = re.compile(r"\w+")


def _splits_word(text: str, i: int) -> bool:
    """Whether offset i falls inside a run of regex word characters."""
    return 0 < i < len(text) and word_char_at(text, i - 1) and word_char_at(text, i)


def word_char_at(text: str, i: int) -> bool:
    """``text[i].isalnum() or text[i] == "_"``, reading a code point where it is ASCII."""
    o = ord(text[i])
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57 or o == 95
    return text[i].isalnum()


def _ascii_lower(text: str) -> str | None:
    """text.lower() when it keeps every offset (one-entry cache: cue searches ask often)."""
    cached = _KEPT.lower  # read once: the tuple swap below is atomic
    if cached[0] is text:
        return cached[1]
    low: str | None = lowered(text)
    if low is not None and len(low) != len(text):
        low = None
    _KEPT.lower = (text, low)
    return low


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """The alternation of words as a prefix tree ("a(?:cknowledged|nnounced)"): the engine
    tests a few first letters per position, not every word. The longer word is tried first
    where one is a prefix of another, so the match is the one of the longest-first list."""
    root: _Trie = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: _Trie) -> str:
    alts = [re.escape(ch) + _trie_node(node[ch]) for ch in sorted(node) if ch]
    body = "" if not alts else alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return "(?:" + body + ")?" if "" in node and alts else body


class FieldWords:
    """A text's words as the word-cue regex sees them (a token joined by an apostrophe is two:
    "it's"), kept for the cue searches on it (see WordCues)."""

    __slots__ = ("ends", "gen", "lows", "masks", "starts", "text")

    def __init__(
        self,
        text: str,
        lows: list[str],
        starts: list[int],
        ends: list[int],
        masks: list[int],
        gen: int,
    ) -> None:
        self.text = text
        self.lows = lows
        self.starts = starts
        self.ends = ends
        self.masks = masks  # each word's cue bits (see _CueBits)
        self.gen = gen  # the _CueBits generation they are of


# letters that re.IGNORECASE matches to ASCII letters but str.lower() does not lower to them
_FOLDS_TO_ASCII: Final = ("\u0130", "\u0131", "\u017f")


def _remember(
    text: str, lows: list[str], starts: list[int], ends: list[int], masks: list[int], gen: int
) -> None:
    """Keep a text's words (and their cue bits, of generation ``gen``) for cue searches,
    unless a regex word there is no token: an underscore joins words for the regex, and three
    letters fold to ASCII only for it."""
    if "_" in text or any(c in text for c in _FOLDS_TO_ASCII):
        return
    if "'" in text or "\u2019" in text:
        # (new lists, not the text's changed in place: the sentences' tokens read its masks)
        lows, starts, ends, masks = _split_joined(text, lows, starts, ends, masks)
    _KEPT.fields = (*_KEPT.fields[-1:], FieldWords(text, lows, starts, ends, masks, gen))


def joined_tokens(text: str, starts: list[int], ends: list[int], lo: int, hi: int) -> list[int]:
    """Indices, in order, of the tokens that join two words by an apostrophe ("it's"), among
    those of text[lo:hi]: the few apostrophes are found in the text, then their tokens."""
    joined: list[int] = []
    for mark in ("'", "\u2019"):
        p = text.find(mark, lo, hi)
        while p >= 0:
            k = _first_at(starts, p + 1) - 1
            if k >= 0 and starts[k] < p < ends[k]:
                joined.append(k)
            p = text.find(mark, p + 1, hi)
    joined.sort()
    return joined


def _parts(
    text: str, lows: list[str], starts: list[int], ends: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """The tokens with each one joined by an apostrophe split in two (see _split_joined)."""
    lows, starts, ends, _ = _split_joined(text, lows, starts, ends, [0] * len(lows))
    return lows, starts, ends


# joined tokens times tokens up to which _split_joined inserts (each insert moves the tail)
_INSERT_WORK: Final = 1 << 14


def _apostrophe(w: str, n: int) -> int:
    """Where the apostrophe stands in a joined token n long: its only non-letter, sought from
    the end."""
    a = n - 1
    while a > 0 and w[a] not in "'\u2019":
        a -= 1
    return a


def _split_joined(
    text: str,
    lows: list[str],
    starts: list[int],
    ends: list[int],
    masks: list[int],
) -> tuple[list[str], list[int], list[int], list[int]]:
    """The tokens with each one joined by an apostrophe split in two, as new lists (the lists
    given, where none is joined). Where there are few, by an insert per joined token into
    copies; else built in one pass: inserting at each joined token moves the whole tail once
    per apostrophe (quadratic in a text with many), and copying the result back into the lists
    given costs a pass more. ``masks``, the tokens' cue bits, is split to match."""
    joined = joined_tokens(text, starts, ends, 0, len(text))
    if not joined:
        return lows, starts, ends, masks
    heads = _CUES.heads
    if len(joined) * len(lows) <= _INSERT_WORK:
        # the usual text, a few apostrophes among a few hundred tokens: copies made at C speed
        # and an insert per joined token, from the last (the indices before stay right), cost
        # less than a slice and an extend per list and joined token
        new_lows, new_starts, new_ends, new_masks = lows[:], starts[:], ends[:], masks[:]
        for q in range(len(joined) - 1, -1, -1):
            k = joined[q]
            w, s, e = lows[k], starts[k], ends[k]
            a = _apostrophe(w, e - s)
            head, tail = w[:a], w[a + 1 :]
            new_lows[k] = head
            new_lows.insert(k + 1, tail)
            new_ends[k] = s + a
            new_starts.insert(k + 1, s + a + 1)
            new_ends.insert(k + 1, e)
            new_masks[k] = heads.get(head, 0)
            new_masks.insert(k + 1, heads.get(tail, 0))
        return new_lows, new_starts, new_ends, new_masks
    new_lows = []
    new_starts = []
    new_ends = []
    new_masks = []
    done = 0
    for k in joined:  # (extend and append: compiled, += is a generic call)
        new_lows.extend(lows[done:k])
        new_starts.extend(starts[done:k])
        new_ends.extend(ends[done:k])
        new_masks.extend(masks[done:k])
        w, s, e = lows[k], starts[k], ends[k]
        a = _apostrophe(w, e - s)
        head, tail = w[:a], w[a + 1 :]
        new_lows.append(head)
        new_lows.append(tail)
        new_starts.append(s)
        new_starts.append(s + a + 1)
        new_ends.append(s + a)
        new_ends.append(e)
        new_masks.append(heads.get(head, 0))
        new_masks.append(heads.get(tail, 0))
        done = k + 1
    new_lows.extend(lows[done:])
    new_starts.extend(starts[done:])
    new_ends.extend(ends[done:])
    new_masks.extend(masks[done:])
    return new_lows, new_starts, new_ends, new_masks


def _words_of(text: str) -> FieldWords | None:
    for f in _KEPT.fields:
        if f.text is text:
            return f
    return None


class WordHit:
    """Where a cue was found among the words: what callers read of a regex match."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start = start
        self._end = end
        self._text = text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text[self._start : self._end]


def _token_search(
    firsts: dict[str, list[list[str]]], bit: i64, f: FieldWords, pos: int, end: int
) -> WordHit | None:
    """The first cue that starts at or after pos and ends by end: a word, or words one
    space apart, the longest where several start at the same word (as the regex's
    longest-first alternation). ``bit``: the cue list's bit, set in the masks of the words
    that are keys of ``firsts`` (most words start no cue: a bit test per word, where a set
    look-up costs several times more)."""
    starts, ends, lows, masks, text = f.starts, f.ends, f.lows, f.masks, f.text
    stop: i64 = end  # the positions as machine integers: no tagged-int checks per word
    n: i64 = len(starts)
    k: i64 = _first_at(starts, pos)
    while k < n:
        last: i64 = ends[k]
        if last > stop:  # (a word that starts at or after stop ends after it)
            return None
        m: i64 = masks[k]
        if m & bit:
            w = lows[k]
            s: i64 = starts[k]
            for rest in firsts[w]:
                j = k
                e: i64 = last
                for r in rest:
                    j += 1
                    if j >= n or starts[j] != e + 1 or text[e] != " " or lows[j] != r:
                        e = -1
                        break
                    e = ends[j]
                if 0 <= e <= stop:
                    return WordHit(s, e, text)
        k += 1
    return None


def _first_at(starts: list[int], pos: int, lo: int = 0) -> int:
    """``bisect_left(starts, pos, lo)`` as a typed loop over machine integers (the compiled
    build makes it plain C; a call to bisect_left is a generic call there)."""
    at: i64 = pos
    low: i64 = lo
    hi: i64 = len(starts)
    while low < hi:
        mid = (low + hi) >> 1
        start: i64 = starts[mid]
        if start < at:
            low = mid + 1
        else:
            hi = mid
    return low


class WordCues:
    """Whole-word cues (``\\b(?:w1|w2|...)\\b``, any case) whose searches share work per text.

    Where the text was tokenised (``tokenize_sentences``) and every cue is plain words one
    space apart, a search looks the cues up among its words, which find the same matches (see
    ``_remember`` for the texts where they would not), and returns a WordHit.

    Role finding asks "is there a cue between here and the trigger?" for every trigger of a
    sentence, each time from the same start. When every cue is one word, a match is a whole
    word, so a search from ``pos`` to ``endpos`` is the first match from ``pos`` if it ends by
    ``endpos`` (unless ``endpos`` cuts a word): the scan of each start is remembered and only
    extended, never repeated. Where the text is ASCII, a case-sensitive twin of the pattern
    scans the lower-cased text (case-insensitive alternations are slow in ``re``). Results are
    the Match objects ``regex`` itself would return.
    """

    __slots__ = ("_bit", "_empty", "_firsts", "_memo", "_one_word", "_plain", "_twin", "regex")

    def __init__(self, words: Iterable[str]) -> None:
        low = {w.lower() for w in words}
        self._empty = "" in low  # a cue that matches nothing: found again at its own end
        alts = sorted(map(re.escape, low), key=len, reverse=True)
        body = "(?:" + ("|".join(alts) or "(?!)") + ")"
        head = ""
        if alts and "" not in low:
            # a look-ahead on the first letters (case-folded like the words) lets the engine
            # skip most positions cheaply: the same matches, about twice as fast
            head = "(?=[" + "".join(sorted({re.escape(w[0]) for w in low})) + "])"
        self.regex = re.compile(r"\b" + head + body + r"\b", re.IGNORECASE)
        ascii_words = all(w.isascii() for w in low)
        twin = r"\b" + (_trie(low) if low else body) + r"\b"
        self._twin = re.compile(twin) if ascii_words else None
        self._one_word = all(_WORD_RUN_RE.fullmatch(w) for w in low)
        # words of ASCII letters and digits, one space apart: a search may look them up
        # among the text's words
        self._plain = bool(low) and all(
            w == " ".join(w.split()) and all(p.isascii() and p.isalnum() for p in w.split())
            for w in low
        )
        self._firsts: dict[str, list[list[str]]] = {}
        for w in sorted(low, key=len, reverse=True):  # the longest first, as the regex
            head, *rest = w.split() or [""]
            self._firsts.setdefault(head, []).append(rest)
        # the list's bit in the words' masks (none once there are 62 lists: no word look-up)
        self._bit: i64 = _CUES.bit(frozenset(self._firsts)) if self._plain else 0
        self._plain = self._plain and self._bit != 0
        self._memo: tuple[object, dict[int, tuple[re.Match[str] | None, int]]] = (None, {})

    def _search(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        """``regex.search(text, pos, end)``, by the twin when all it looks at is ASCII."""
        if self._twin is not None and text[pos - 1 if pos > 0 else 0 : end + 1].isascii():
            low = _ascii_lower(text)
            if low is not None:
                m = self._twin.search(low, pos, end)
                return None if m is None else self.regex.search(text, m.start(), end)
        return self.regex.search(text, pos, end)

    def search(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | WordHit | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        if pos >= end or _splits_word(text, end):
            return self._search(text, pos, end)
        if self._plain:
            f = _words_of(text)
            if f is not None and f.gen == _CUES.gen:  # the words are known: no character scan
                return _token_search(self._firsts, self._bit, f, pos, end)
        if not self._one_word:
            return self._search(text, pos, end)
        memo = self._memo  # read once: the tuple swap below is atomic
        if memo[0] is not text:
            memo = (text, {})
            self._memo = memo
        seen = memo[1].get(pos, _MISS)
        if seen is _MISS:
            m, upto = self._search(text, pos, end), end
        else:
            m, upto = seen  # type: ignore[misc]
            if m is None and upto < end:  # no run crosses upto: scan only what is new
                m, upto = self._search(text, upto, end), end
        memo[1][pos] = (m, max(upto, end) if m is None else upto)
        return m if m is not None and m.end() <= end else None

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)

    def last(self, text: str, pos: int, endpos: int) -> re.Match[str] | WordHit | None:
        """The last match of ``finditer(text, pos, endpos)``, or None: found by a search from
        the end of each match (the matches of non-empty cues, as finditer's), which a
        tokenised text answers among its words instead of a regex scan of the whole span."""
        if self._empty:
            found = list(self.finditer(text, pos, endpos))
            return found[-1] if found else None
        last: re.Match[str] | WordHit | None = None
        m = self.search(text, pos, endpos)
        while m is not None:
            last = m
            m = self.search(text, m.end(), endpos)
        return last
