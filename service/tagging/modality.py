"""Modality of an event from cue words around its trigger: negated, hypothetical or asserted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from .text import tokenize

NEG_BEFORE = 5  # tokens before the trigger a negation cue may sit
NEG_AFTER = 4
NEG_FAR_AFTER = 14  # for strong cues: 'the summit ... has been called off'
HEDGE_BEFORE = 8


class _Shared:
    """What every CueSet shares: the first words of every cue of every CueSet built so far (a
    superset of each one's keys), and the last sentence's cue-word places (``_hits``). A
    native object when compiled: its fields are read directly, where module globals that
    are assigned to are dict look-ups (``_hits`` is asked by every cue look-up)."""

    __slots__ = ("firsts", "hits")

    def __init__(self) -> None:
        self.firsts: frozenset[str] = frozenset()
        self.hits: tuple[object, object, list[int]] = (None, None, [])


_SHARED: Final = _Shared()


def _hits(toks: list[str]) -> list[int]:
    """Where any cue of any CueSet could start in a token list, ascending (one-entry cache:
    built by one pass per sentence, then every cue set asks only about these few places
    instead of scanning or intersecting the whole sentence each time)."""
    cached = _SHARED.hits  # read once: the tuple swap below is atomic
    firsts = _SHARED.firsts
    if cached[0] is toks and cached[1] is firsts:
        return cached[2]
    out = [i for i in range(len(toks)) if toks[i] in firsts]
    _SHARED.hits = (toks, firsts, out)
    return out


def cue_firsts() -> frozenset[str]:
    """The first words of every cue of every CueSet built so far (a new object whenever a
    CueSet is built: ``prime_hits`` callers compare it by identity)."""
    return _SHARED.firsts


def prime_hits(toks: list[str], firsts: frozenset[str], pos: list[int]) -> None:
    """Leave ``pos`` as ``_hits(toks)``, found by a caller's own pass over the tokens (the
    event finder's one look-up per token answers for its cue lists and these at once), so
    that the first cue look-up of the sentence makes no second pass. ``firsts``: the
    ``cue_firsts()`` the places were found for."""
    _SHARED.hits = (toks, firsts, pos)


# words before "May" that make it the month ("in May", "since May 2020"), not the modal verb
_MONTH_BEFORE: Final = frozenset(
    ("in", "since", "until", "till", "early", "late", "mid", "last", "next")
)


def month_may(toks: list[str], i: int) -> bool:
    """Whether toks[i] is "may" naming the month ("18 May 2020:", "in May"), not the verb."""
    return toks[i] == "may" and (
        (i + 1 < len(toks) and toks[i + 1].isdigit())
        or (i > 0 and (toks[i - 1].isdigit() or toks[i - 1] in _MONTH_BEFORE))
    )


def _after_month(toks: list[str], lo: int, hi: int) -> int:
    """The index after the last month "may" in toks[lo:hi], else ``lo``: a hedge is sought
    after it."""
    for i in range(hi - 1, lo - 1, -1):
        if month_may(toks, i):
            return i + 1
    return lo


class CueSet:
    """Phrases as lower-case token tuples, looked up by their first word."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            words = tuple(tokenize(p).lows)
            if words:
                self.by_first.setdefault(words[0], []).append(words)
        for v in self.by_first.values():
            v.sort(key=len, reverse=True)
        self.keys = frozenset(self.by_first)
        # (length, words after the first) per first word, longest first: compared as list slices
        self._rests = {w: [(len(c), list(c[1:])) for c in v] for w, v in self.by_first.items()}
        # first words that are a whole cue by themselves: a cue surely starts there
        self.whole = frozenset(w for w, v in self.by_first.items() if len(v[-1]) == 1)
        # the second words of first words that are no cue alone ("the" of "the two sides"):
        # most places such a word stands start no cue, which one look at the next rules out
        self._seconds = {
            w: frozenset(c[1] for c in v) for w, v in self.by_first.items() if w not in self.whole
        }
        self._cache: tuple[object, list[int]] = (None, [])
        # (a new object: cached hit lists are stale then)
        _SHARED.firsts = _SHARED.firsts | self.keys

    def _positions(self, toks: list[str]) -> list[int]:
        """Where a cue could start in this token list, its first two words there (one-entry
        cache: a sentence asks often)."""
        cached = self._cache  # read once: the tuple swap below is atomic
        if cached[0] is toks:
            return cached[1]
        pos: list[int] = []
        keys, seconds = self.keys, self._seconds
        last = len(toks) - 1
        for i in _hits(toks):
            w = toks[i]
            if w in keys:
                sec = seconds.get(w)
                if sec is None or (i < last and toks[i + 1] in sec):
                    pos.append(i)
        self._cache = (toks, pos)
        return pos

    def at(self, toks: list[str], i: int) -> int:
        """Length in tokens of the longest cue starting at toks[i] (0: none)."""
        cands = self._rests.get(toks[i])
        if not cands:
            return 0
        room = len(toks) - i
        for n, rest in cands:
            if n <= room and (n == 1 or toks[i + 1 : i + n] == rest):
                return n
        return 0

    def any_in(self, toks: list[str], lo: int, hi: int, skip: tuple[int, int] = (0, 0)) -> bool:
        """Whether a cue starts in toks[lo:hi] (and overlaps no token of ``skip``'s range).
        Looks only at the sentence's few cue-word places (``_hits``) inside the window."""
        a, b = skip
        rests, whole, keys = self._rests, self.whole, self.keys
        for i in _hits(toks):
            if i < lo:
                continue
            if i >= hi:
                break
            w = toks[i]
            if w not in keys:  # (a set look-up; the dict's only on a hit)
                continue
            cands = rests[w]
            if a == b and w in whole:
                return True  # nothing to skip, and a one-word cue starts here
            room = len(toks) - i
            for n, rest in cands:  # (``at``, its look-up already made)
                if n <= room and (n == 1 or toks[i + 1 : i + n] == rest):
                    if not (a <= i < b or a < i + n <= b):
                        return True
                    break
        return False


class Modality:
    """Judges an event's modality from the cue lists of the rule data."""

    def __init__(self, cues: dict[str, list[str]]) -> None:
        self.neg = CueSet(cues.get("negation", []))
        self.neg_after = CueSet(cues.get("negation_after", []))
        self.neg_far = CueSet(cues.get("negation_far_after", []))
        # "would not hesitate to expand the list": a negation that asserts the act
        self.neg_cancel = CueSet(cues.get("negation_cancelled", []))
        self.hedge = CueSet(cues.get("hedge", []))
        self.cond = CueSet(cues.get("conditional", []))
        self.threat = CueSet(cues.get("threat_verbs", []))
        # "yet to decide whether to blacklist": the act is an open question, not denied
        self.undecided = CueSet(cues.get("undecided", []))
        # "Ottawa is weighing curbs": an act deliberated, so hypothetical even where a hedge
        # would not make it so (a threat type), unless the deliberation is itself warned of
        # ("would consider sanctions if ...", "he'd seriously consider": the threat made) or
        # is a market's ("traders weigh new sanctions": the sanctions' threat was made)
        self.deliberation = CueSet(cues.get("deliberation", []))
        self.not_deliberating = frozenset(cues.get("deliberation_not_after", []))
        self._clitics = tuple(w for w in self.not_deliberating if w[:1] in "'’")

    def first_words(self) -> frozenset[str]:
        """Tokens any cue that can change the verdict starts with (threat verbs only undo
        a hedge, so they need not be among them)."""
        return frozenset().union(
            *(
                c.keys
                for c in (
                    self.neg,
                    self.neg_after,
                    self.neg_far,
                    self.hedge,
                    self.cond,
                    self.undecided,
                    self.deliberation,
                )
            )
        )

    def judge(
        self,
        toks: list[str],
        first: int,
        last: int,
        clause_start: int,
        hedges_count: bool = True,
        extra_neg: CueSet | None = None,
    ) -> str:
        trig = (first, last + 1)
        if hedges_count and self.undecided.any_in(toks, max(clause_start, first - 3), first):
            return "hypothetical"
        lo = max(clause_start, first - NEG_BEFORE)
        if (
            self.neg.any_in(toks, lo, last + 1, trig)
            or (extra_neg is not None and extra_neg.any_in(toks, lo, first))
        ) and not self.neg_cancel.any_in(toks, lo, first):
            return "negated"
        if self.neg_after.any_in(toks, last + 1, last + 1 + NEG_AFTER):
            return "negated"
        if self.neg_far.any_in(toks, last + 1, last + 1 + NEG_FAR_AFTER):
            return "negated"
        if self._deliberated(toks, max(clause_start, first - 3), last + 1):
            return "hypothetical"
        if not hedges_count:
            return "asserted"
        hlo = max(clause_start, first - HEDGE_BEFORE)
        hlo = max(hlo, _after_month(toks, hlo, first))
        if self.hedge.any_in(toks, hlo, last + 1, trig):
            # a warning that something could happen was itself made: asserted
            if self.threat.any_in(toks, max(0, first - HEDGE_BEFORE - 4), last + 1):
                return "asserted"
            return "hypothetical"
        if self.cond.any_in(toks, 0, first) or self.cond.any_in(toks, last + 1, last + 5):
            return "hypothetical"
        return "asserted"

    def _deliberated(self, toks: list[str], lo: int, hi: int) -> bool:
        """A deliberation cue between ``lo`` and ``hi`` not right after (an adverb aside) a
        word that makes it no deliberation (``deliberation_not_after``)."""
        for i in range(lo, hi):
            if self.deliberation.at(toks, i):
                j = i - 1
                if j > 0 and toks[j].endswith("ly"):
                    j -= 1  # "would seriously consider"
                if j < 0:
                    return True
                w = toks[j]
                if w not in self.not_deliberating and not w.endswith(self._clitics):
                    return True
        return False
