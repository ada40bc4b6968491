"""Trigger patterns: token sequences matched by stem, with bounded gaps. No regex, linear time."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from .text import Toks, stem, stem_bit, tokenize

if TYPE_CHECKING:  # only in annotations (see __future__ above): a machine integer to mypyc
    from mypy_extensions import i64

# (Final: compiled, constants rather than module-dict look-ups)
GAP: Final = 5  # most tokens a '...' may skip
WORD: Final = 0
SKIP: Final = 1
NUM: Final = 2
NUM_KEY: Final = "#NUM"


class Elem(NamedTuple):
    kind: int
    stems: frozenset[str]


class Pattern:
    """One token-level variant of a trigger, filed under its anchor word.

    A plain class rather than a NamedTuple: compiled, its fields are read straight from the
    object, where the thirteen fields of a tuple were unpacked for every candidate of every
    anchor hit. The word sets a candidate is checked against the sentence are tuples:
    compiled, an ``in`` test per word on the sentence's stem set is a direct C call, where
    ``frozenset.isdisjoint`` is a method called by name."""

    __slots__ = (
        "also",
        "also_ids",
        "also_mask",
        "checks",
        "either",
        "etype",
        "goods",
        "last",
        "last_ids",
        "last_mask",
        "lead",
        "needs",
        "needs_ids",
        "needs_mask",
        "not_next",
        "not_prev",
        "steps",
        "unless",
        "unless_ids",
        "unless_mask",
        "weight",
        "wide",
        "wide_any",
    )

    def __init__(
        self,
        etype: str,
        lead: tuple[frozenset[str], ...],
        needs: frozenset[str],
        unless: frozenset[str],
        weight: int,
        last: frozenset[str],
        steps: tuple[tuple[int, frozenset[str], int], ...],
        wide: frozenset[str],
        goods: bool,
        also: frozenset[str],
        not_prev: frozenset[str],
        not_next: frozenset[str],
    ) -> None:
        self.etype = etype
        self.lead = lead  # plain word elements before the anchor, checked backwards
        self.needs = tuple(needs)
        self.unless = tuple(unless)
        self.weight = weight
        self.last = tuple(last)  # stems of the last word element after the anchor (quick reject)
        self.steps = steps  # after the anchor: (kind, stems, slack)
        self.wide = wide  # "if_article": one of these anywhere in the article also suffices
        self.goods = goods  # "if_commodity": a commodity named in the sentence also suffices
        self.also = tuple(also)  # "and_if": one of these must be in the sentence as well
        self.not_prev = not_prev  # "not_prev": no match right after one ("cabinet meeting")
        self.not_next = not_next  # "not_next": no match right before one ("slammed into")
        # whether any word of the sentence is asked about (else no stem set is needed)
        self.checks = bool(last or needs or unless or wide or goods or also)
        # whether an ``if`` word, a wide one or goods is asked for, and whether a wide one
        # (bools: compiled, a set's truth is a generic call, asked per candidate)
        self.either = bool(needs or wide or goods)
        self.wide_any = bool(wide)
        # the same four word sets as the numbers of the words (``Matcher._number``)
        self.last_ids: tuple[int, ...] = ()
        self.needs_ids: tuple[int, ...] = ()
        self.unless_ids: tuple[int, ...] = ()
        self.also_ids: tuple[int, ...] = ()
        # and as bloom masks (``_bucket``): a set none of whose bits the sentence's mask has
        # holds none of its words, told without a look at its numbers
        self.last_mask: i64 = 0
        self.needs_mask: i64 = 0
        self.unless_mask: i64 = 0
        self.also_mask: i64 = 0


class Match:
    """A trigger's match in a sentence. A plain class rather than a NamedTuple: compiled, it
    is made by a direct call (not ``tuple.__new__`` called generically) and its fields are
    read straight from the object, as the event finder does many times per match."""

    __slots__ = ("etype", "first", "last", "weight")

    def __init__(self, etype: str, first: int, last: int, weight: int) -> None:
        self.etype = etype
        self.first = first  # token index of the first matched token
        self.last = last  # token index of the last matched token
        self.weight = weight


def _words(alt: str) -> list[str]:
    return tokenize(alt.replace("_", " ")).stems


def _expand(pattern: str) -> list[list[Elem]]:
    """One pattern string -> token-level variants (multi-word alternatives are spliced in)."""
    options: list[list[list[Elem]]] = []
    for raw in pattern.split():
        if raw == "...":
            options.append([[Elem(SKIP, frozenset())]])
            continue
        if raw == NUM_KEY:
            options.append([[Elem(NUM, frozenset())]])
            continue
        single: set[str] = set()
        multi: list[list[Elem]] = []
        for alt in raw.split("|"):
            ws = _words(alt)
            if len(ws) == 1:
                single.add(ws[0])
            elif ws:
                multi.append([Elem(WORD, frozenset([w])) for w in ws])
        opts = ([[Elem(WORD, frozenset(single))]] if single else []) + multi
        if opts:
            options.append(opts)
    return [[e for part in combo for e in part] for combo in itertools.product(*options)]


_COMMON = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "in",
        "for",
        "of",
        "on",
        "with",
        "it",
        "its",
        "their",
        "no",
        "not",
        "would",
        "will",
        "could",
    ]
)


def _anchor(elems: list[Elem]) -> int:
    """Index the pattern by its first uncommon word, if only plain words come before it."""
    for k, e in enumerate(elems):
        if e.kind != WORD:
            return 0
        if not e.stems <= _COMMON:
            return k
    return 0


class _Word:
    """What the matcher knows of one stem: the patterns anchored on it (None where it anchors
    none), and whether a pattern checks the sentence for it (``Pattern.last`` etc.): then
    ``bit`` numbers it among the words patterns check, else it is -1."""

    __slots__ = ("asked", "bit", "mask", "pats")

    def __init__(self) -> None:
        self.pats: list[Pattern] | None = None
        self.asked = False
        self.bit: i64 = -1
        self.mask: i64 = 0  # its bloom bit (``_bucket``), where it has a number


# how many bloom bits the words patterns check share (an i64 holds them, sign bit spare)
_BUCKETS: Final = 62


def _buckets(pats: list[Pattern]) -> dict[int, int]:
    """A bloom bit for each numbered word: the words of one set a pattern checks share a
    bit where they can (the larger sets first, a bit each in turn), so that a set's mask has
    few bits and a sentence's words meet it by chance less often."""
    sets: dict[tuple[int, ...], None] = {}
    for p in pats:
        for ids in (p.last_ids, p.needs_ids, p.unless_ids, p.also_ids):
            if ids:
                sets.setdefault(tuple(sorted(ids)), None)
    out: dict[int, int] = {}
    for k, ids in enumerate(sorted(sets, key=len, reverse=True)):
        for b in ids:
            out.setdefault(b, k % _BUCKETS)
    return out


def _mask(ids: tuple[int, ...], buckets: dict[int, int]) -> int:
    """The bloom mask of a set of numbered words (``_buckets``). The sentence's flagged words
    make one the same way (``Matcher._marks``): where a set's mask and the sentence's share
    no bit, the sentence holds none of the set's words."""
    mask = 0
    for b in ids:
        mask |= 1 << buckets[b]
    return mask


class Matcher:
    def __init__(self, event_types: dict[str, Any], stops: frozenset[str] = frozenset()) -> None:
        """``stops``: words a '...' gap may not skip."""
        self.index: dict[str, list[Pattern]] = {}
        self.stops = stops
        # every word an ``if_article`` pattern may find anywhere in the article
        self.wide_words: frozenset[str] = frozenset()
        for etype in sorted(event_types):
            for trig in event_types[etype]["triggers"]:
                if isinstance(trig, dict):
                    p = trig["p"]
                    needs = frozenset(stem(w) for w in trig.get("if", []))
                    unless = frozenset(stem(w) for w in trig.get("unless", []))
                    wide = frozenset(stem(w) for w in trig.get("if_article", []))
                    self.wide_words |= wide
                    goods = bool(trig.get("if_commodity"))
                    also = frozenset(stem(w) for w in trig.get("and_if", []))
                    not_prev = frozenset(stem(w) for w in trig.get("not_prev", []))
                    not_next = frozenset(stem(w) for w in trig.get("not_next", []))
                else:
                    none: frozenset[str] = frozenset()
                    p, needs, unless, wide, goods, also = trig, none, none, none, False, none
                    not_prev = not_next = none
                for elems in _expand(p):
                    while elems and elems[-1].kind == SKIP:
                        elems.pop()
                    while elems and elems[0].kind == SKIP:
                        elems.pop(0)
                    if not elems:
                        continue
                    weight = sum(1 for e in elems if e.kind != SKIP)
                    a = _anchor(elems)
                    tail = [e.stems for e in elems[a + 1 :] if e.kind == WORD]
                    last = tail[-1] if tail else frozenset()
                    pat = Pattern(
                        etype,
                        tuple(e.stems for e in elems[:a]),
                        needs,
                        unless,
                        weight,
                        last,
                        _steps(elems[a + 1 :]),
                        wide,
                        goods,
                        also,
                        not_prev,
                        not_next,
                    )
                    keys = [NUM_KEY] if elems[a].kind == NUM else sorted(elems[a].stems)
                    for k in keys:
                        self.index.setdefault(k, []).append(pat)
        self.anchors = frozenset(self.index)  # the index's words
        # per event type, the words its patterns anchor on (the sentence model's guard)
        anchored: dict[str, set[str]] = {}
        for k, pats in self.index.items():
            for pat in pats:
                anchored.setdefault(pat.etype, set()).add(k)
        self.anchored: dict[str, frozenset[str]] = {t: frozenset(w) for t, w in anchored.items()}
        self.nums = self.index.get(NUM_KEY)  # the patterns anchored on a number, if any
        # per stem, what _marks asks of it: one look-up
        self.words: dict[str, _Word] = {}
        for k, pats in self.index.items():
            self.words.setdefault(k, _Word()).pats = pats
        for pats in self.index.values():
            for pat in pats:
                for ws in (pat.last, pat.needs, pat.unless, pat.also):
                    for w in ws:
                        self.words.setdefault(w, _Word()).asked = True
        self.numbered = self._number()
        self.bit: i64 = stem_bit(frozenset(self.words))  # tokens whose stem is in words
        # tokens whose stem is one of wide_words (see events._Context.article_stems)
        self.wide_bit: i64 = stem_bit(self.wide_words) if self.wide_words else 0
        self._pool: list[list[bool]] = []  # flag lists for find, each by one call at a time

    def _number(self) -> int:
        """Number the words patterns check (``_Word.bit``) and give each pattern its word
        sets as those numbers; return how many there are."""
        count = 0
        for w in self.words.values():
            if w.asked:
                w.bit = count
                count += 1
        bits = {k: w.bit for k, w in self.words.items()}
        for pats in self.index.values():
            for p in pats:
                p.last_ids = tuple(bits[w] for w in p.last)
                p.needs_ids = tuple(bits[w] for w in p.needs)
                p.unless_ids = tuple(bits[w] for w in p.unless)
                p.also_ids = tuple(bits[w] for w in p.also)
        buckets = _buckets([p for pats in self.index.values() for p in pats])
        for w in self.words.values():
            if w.asked:
                w.mask = 1 << buckets[w.bit]
        for pats in self.index.values():
            for p in pats:
                p.last_mask = _mask(p.last_ids, buckets)
                p.needs_mask = _mask(p.needs_ids, buckets)
                p.unless_mask = _mask(p.unless_ids, buckets)
                p.also_mask = _mask(p.also_ids, buckets)
        return count

    def find(
        self,
        toks: Toks,
        article: Callable[[], frozenset[str]] | None = None,
        has_goods: bool = False,
    ) -> list[Match]:
        """The (type, span) matches in one sentence's tokens: the heaviest when one type
        matched, else every match (the caller picks one per type).
        ``article``: the stems of the whole article (asked only by ``if_article`` patterns);
        ``has_goods``: the sentence names a commodity (for ``if_commodity`` patterns).

        The flags of the words patterns check (``_marks``) are a list of one bool per word,
        taken from a pool and put back cleared (only the few set are cleared), so that no
        call makes a list of them all; each call has its own, as the pool hands out each
        list to one caller at a time."""
        pool = self._pool
        flags = pool.pop() if pool else [False] * self.numbered
        marked: list[_Word] = []
        at, pats, mask = self._marks(toks, flags, marked)
        found = self._matches(toks, at, pats, flags, mask, article, has_goods) if at else []
        for w in marked:
            flags[w.bit] = False
        pool.append(flags)
        return found

    def _matches(
        self,
        toks: Toks,
        at: list[int],
        pats: list[list[Pattern]],
        flags: list[bool],
        mask: i64,
        article: Callable[[], frozenset[str]] | None,
        has_goods: bool,
    ) -> list[Match]:
        """``find``'s matches, from its candidates (``_marks``; ``mask``: the bloom mask of
        its flagged words). A candidate whose last word the mask rules out is dropped before
        any call: most candidates are."""
        stems = toks.stems
        lows = toks.lows
        s0, s1 = toks.span
        # no match spans a semicolon: "X slaps a duty on Y; Z threatens to hit back"
        semis = _semicolons(toks) if toks.text.find(";", s0, s1) >= 0 else None
        n = len(stems)
        best: dict[str, Match] = {}
        every: list[Match] = []
        for h in range(len(at)):
            i = at[h]
            for p in pats[h]:
                if p.checks:
                    if p.last_mask and not p.last_mask & mask:
                        continue  # (the quick reject of ``_fits``, made here)
                    if not _fits(p, flags, has_goods, article, mask):
                        continue
                first = _lead_start(p.lead, stems, i) if p.lead else i
                if first < 0:
                    continue
                end = _match_from(p.steps, lows, stems, i, self.stops) if p.steps else i
                if end < 0:
                    continue
                if p.not_prev and first > 0 and _after(stems, first, p.not_prev):
                    continue
                if p.not_next and end + 1 < n and stems[end + 1] in p.not_next:
                    continue
                if semis is not None and semis.find(1, first, end) >= 0:
                    continue
                etype, weight = p.etype, p.weight
                m = Match(etype, first, end, weight)
                every.append(m)
                old = best.get(etype)
                if (
                    old is None
                    or weight > old.weight
                    or (weight == old.weight and first < old.first)
                ):
                    best[etype] = m
        if len(best) == 1:
            return list(best.values())
        # several types: every match, so that a type whose heaviest match loses its words to
        # a stronger type can still stand on another (see EventFinder._resolve)
        return every

    def _marks(
        self, toks: Toks, flags: list[bool], marked: list[_Word]
    ) -> tuple[list[int], list[list[Pattern]], i64]:
        """Token indices of anchor words (most tokens are none) and the patterns anchored
        there; sets ``flags`` by word number (``_Word.bit``) for the stems patterns check for
        that the sentence holds (``_fits``: reading a flag by number costs less than a set
        look-up by str), and adds their words to ``marked``. One dict look-up per token tells
        all (a typed loop: compiled, direct calls), made only where the token's cue bits
        (``stem_bit``) say its stem is one of ``words``. Numbers come after the words, as
        candidates are tried in order. Also returns the flagged words' bloom mask
        (``_bucket``). The look-up is kept on the token's word in the tokeniser's table
        (``Toks.kept``): made once per word, not per token."""
        words = self.words
        at: list[int] = []
        pats: list[list[Pattern]] = []
        stems = toks.stems
        mask: i64 = 0
        bit: i64 = self.bit
        masks = toks.word_masks() if bit else None
        first: i64 = toks.first
        kept = toks.kept
        for i in range(len(stems)):
            if masks is not None:
                m: i64 = masks[first + i]
                if not m & bit:  # (most tokens: a bit test, no look-up)
                    continue
            kw = kept[first + i] if kept is not None else None
            w: _Word | None
            if kw is None:
                w = words.get(stems[i])
            elif kw.matched_in is words:  # (looked up for an earlier token of the word)
                w = kw.matched
            else:
                w = words.get(stems[i])
                kw.matched_in = words
                kw.matched = w
            if w is None:
                continue
            if w.pats is not None:
                at.append(i)
                pats.append(w.pats)
            if w.bit >= 0 and not flags[w.bit]:
                flags[w.bit] = True
                mask |= w.mask
                marked.append(w)
        nums = self.nums
        if nums is not None:
            lows = toks.lows
            for i in range(len(lows)):
                if lows[i].isdigit():
                    at.append(i)
                    pats.append(nums)
        return at, pats, mask


def _any_flagged(ids: tuple[int, ...], hit: i64, flags: list[bool]) -> bool:
    """Whether the sentence holds one of the words numbered ``ids`` (see ``Matcher._marks``);
    ``hit``: the bloom bits their mask shares with the sentence's (none: it holds none)."""
    return hit != 0 and any(flags[b] for b in ids)


def _fits(
    p: Pattern,
    flags: list[bool],
    has_goods: bool,
    article: Callable[[], frozenset[str]] | None,
    mask: i64 = -1,
) -> bool:
    """Whether the sentence (its flagged words, ``Matcher._marks``, and their bloom mask
    ``mask``: by default all bits, which rules nothing out) holds the words the
    pattern asks for: its last word (a quick reject), an ``if`` word (else a wide one in the
    article, or a named commodity), an ``and_if`` word, and no ``unless`` word. Each word set
    is read as the numbers of its words: compiled, a flag by number costs less than a set
    look-up by str (``tests/test_speed15_matcher.py`` checks it against plain stem sets)."""
    if p.last_ids and not _any_flagged(p.last_ids, p.last_mask & mask, flags):
        return False
    if (
        p.either
        and (not p.needs_ids or not _any_flagged(p.needs_ids, p.needs_mask & mask, flags))
        and not (p.goods and has_goods)
        and (not p.wide_any or article is None or p.wide.isdisjoint(article()))
    ):
        return False
    if p.also_ids and not _any_flagged(p.also_ids, p.also_mask & mask, flags):
        return False
    return not (p.unless_ids and _any_flagged(p.unless_ids, p.unless_mask & mask, flags))


def _lead_start(lead: tuple[frozenset[str], ...], stems: list[str], i: int) -> int:
    """Index of the first token of the plain words before the anchor at i, or -1 where
    they are not there."""
    first = i - len(lead)
    if first < 0:
        return -1
    for k in range(len(lead)):
        if stems[first + k] not in lead[k]:
            return -1
    return first


# words a "not_prev" word may stand before the trigger across: "halted its strikes" (not
# "the": "hosting the talks" names the talks again)
_THROUGH = frozenset(["its", "their", "his", "her", "on", "of", "all", "any", "such"])


def _after(stems: list[str], first: int, words: frozenset[str]) -> bool:
    """Whether one of ``words`` comes right before token ``first``, or before one possessive
    or preposition there ("halted airstrikes", "a moratorium on strikes")."""
    w = stems[first - 1]
    if w in words:
        return True
    return w in _THROUGH and first > 1 and stems[first - 2] in words


def _semicolons(toks: Toks) -> bytearray:
    """Flags by token: 1 where a semicolon follows the token (before the next one)."""
    text, starts, ends = toks.text, toks.starts, toks.ends
    flags = bytearray(len(starts))
    for k in range(len(starts) - 1):
        if text.find(";", ends[k], starts[k + 1]) >= 0:
            flags[k] = 1
    return flags


def _steps(elems: list[Elem]) -> tuple[tuple[int, frozenset[str], int], ...]:
    """The elements after the anchor as (kind, stems, slack): a '...' becomes the slack of the
    element after it, so matching does not step over it."""
    out: list[tuple[int, frozenset[str], int]] = []
    slack = 0
    for kind, alts in elems:
        if kind == SKIP:
            slack = GAP
            continue
        out.append((kind, alts, slack))
        slack = 0
    return tuple(out)


def _match_from(
    steps: tuple[tuple[int, frozenset[str], int], ...],
    lows: list[str],
    stems: list[str],
    i: int,
    stops: frozenset[str] = frozenset(),
) -> int:
    """Index of the last token of the pattern anchored at i, or -1. A gap never skips one
    of ``stops`` ("retaliation after X raises tariffs": the tariffs are X's, not threatened)."""
    pos = i + 1
    n = len(lows)
    for kind, alts, slack in steps:
        if not slack:  # the next token must be it
            if pos >= n or not (stems[pos] in alts if kind == WORD else lows[pos].isdigit()):
                return -1
            pos += 1
            continue
        stop = min(n, pos + slack + 1)
        k = pos
        if kind == WORD:
            while k < stop and stems[k] not in alts:
                k += 1
        else:
            while k < stop and not lows[k].isdigit():
                k += 1
        if k >= stop or _stopped(lows, pos, k, stops):
            return -1  # not there, or only past a word that opens another clause
        pos = k + 1
    return pos - 1


def _stopped(lows: list[str], lo: int, hi: int, stops: frozenset[str]) -> bool:
    """Whether one of ``stops`` is among lows[lo:hi] (a gap: at most ``GAP`` tokens; compiled, a
    loop makes no slice and no call of ``isdisjoint`` by name)."""
    return any(lows[q] in stops for q in range(lo, hi))
