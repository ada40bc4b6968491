"""Learnt models over word stems, beside the rules.

The article model (``ArticleModel``, data: the ``article_model`` section): whether an article
holds nothing to find at all (a match report's "attack", a dentist's "tariff of fees"): a linear
model over the set of the article's stems. Above its threshold the article's events are
dropped, as ``off_topic``'s cue counts drop them.

The sentence model: event types the trigger rules did not foresee, from a sentence's stems.

A linear model per event type over a sentence's word stems and adjacent stem pairs (trained by
``python -m service train`` on the project's labelled articles; data: the ``sentence_model``
section). Where a type scores above the threshold and no rule found it in the sentence, the
tagger adds a match of that type on the words that weigh most for it, and the event is then
built as a rule's would be: modality, actors, targets and attributes from the same code. Where
those words are ones the type's rules anchor on, the rules saw them and held back, so a higher
threshold applies there.
Scoring is one dict lookup per word (kept on the tokeniser's word, ``text._Word``) and per
adjacent pair; nothing is built per token.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from itertools import pairwise
from typing import Any, Final

from .patterns import Match
from .text import Toks
from .text import _Word as KeptWord

# the weight a model's match carries: under any rule's (the number of its words) and under a
# reference's (events.REFERENCE, 0), so it yields to both and is told apart from both
MODEL_WEIGHT: Final = -1


def features(stems: list[str]) -> list[str]:
    """A sentence's features as training sees them: each stem, and each adjacent pair."""
    return stems + [f"{a} {b}" for a, b in pairwise(stems)]


def article_features(fields: Iterable[list[Toks]]) -> set[str]:
    """An article's features as the article model and its training see them: the set of the
    stems of every sentence of every field given."""
    out: set[str] = set()
    for toks_list in fields:
        for toks in toks_list:
            out.update(toks.stems)
    return out


class _Stem:
    """A stem's weight, and the last article (by number) that counted it."""

    __slots__ = ("seen", "w")

    def __init__(self, w: float) -> None:
        self.w = w
        self.seen = 0


class ArticleModel:
    """Scores whether an article holds nothing to find (see the module's docstring)."""

    def __init__(self, section: dict[str, Any]) -> None:
        self.bias = float(section.get("bias", 0.0))
        self.table: dict[str, _Stem] = {  # (keys interned, as the tokeniser's stems are)
            sys.intern(str(k)): _Stem(float(w)) for k, w in section.get("weights", {}).items()
        }
        self.cut = logit(float(section.get("threshold", 1.0)))
        self.on = bool(self.table) and self.cut < math.inf
        # it judges only texts with at least this many distinct stems it weighs: it learnt
        # from whole articles (109 and more such stems each), not from a headline alone
        self.min_stems = int(section.get("min_stems", 0))
        self.articles = 0  # articles scored: each stem counts once an article

    def score(self, stems: Iterable[str]) -> float:
        """The model's logit that an article of these (distinct) stems holds nothing to find."""
        total = self.bias
        for s in stems:
            o = self.table.get(s)
            if o is not None:
                total += o.w
        return total

    def score_fields(self, fields: Iterable[list[Toks]]) -> tuple[float, int]:
        """``score(article_features(fields))``, and how many distinct stems it knew, without
        building the set: a stem's entry records the last article that counted it (a third
        of the cost; one tagger serves one thread, as everywhere in the service)."""
        self.articles += 1
        now = self.articles
        table = self.table
        total = self.bias
        known = 0
        for toks_list in fields:
            for toks in toks_list:
                stems, kept, first = toks.stems, toks.kept, toks.first
                for i in range(len(stems)):
                    # (the look-up kept on the token's word: once per word, see text._Word)
                    kw = kept[first + i] if kept is not None else None
                    o: _Stem | None
                    if kw is None:
                        o = table.get(stems[i])
                    elif kw.weighed_in is table:
                        o = kw.weighed
                    else:
                        o = table.get(stems[i])
                        kw.weighed = o
                        kw.weighed_in = table
                    if o is not None and o.seen != now:
                        o.seen = now
                        total += o.w
                        known += 1
        return total, known

    def nothing_to_find(self, fields: Iterable[list[Toks]]) -> bool:
        """Whether the article whose fields' tokens are given scores above the threshold
        (never for one with fewer than ``min_stems`` distinct stems the model weighs)."""
        if not self.on:
            return False
        score, known = self.score_fields(fields)
        return score > self.cut and known >= self.min_stems


def family(etype: str) -> str:
    """An event type's family: its name up to the first "_" (TARIFF of TARIFF_THREAT)."""
    return etype.split("_", 1)[0]


def logit(p: float) -> float:
    """The score a probability stands for; 1 (or more) is +inf: nothing exceeds it (off)."""
    return math.inf if p >= 1.0 else math.log(p / (1 - p))


class _Feature:
    """A stem's (or pair's) weight for each type, by type index, and the pairs it starts."""

    __slots__ = ("next", "nonzero", "strong", "ws")

    def __init__(self, n: int) -> None:
        self.ws: list[float] = [0.0] * n  # dense: one index a type, no search
        self.next: dict[str, _Feature] | None = None
        self.strong = 0  # bit k set: it weighs at least the gate for type k
        # bit k set: it weighs anything for type k (a feature weighs for two types of fifteen
        # on average: a bit test skips the rest without reading a float)
        self.nonzero = 0

    def add(self, k: int, w: float, gate: float) -> None:
        self.ws[k] = w
        if w:
            self.nonzero |= 1 << k
        if w >= gate:
            self.strong |= 1 << k


class SentenceModel:
    """Scores a sentence's stems for each event type (see the module's docstring)."""

    def __init__(
        self,
        section: dict[str, Any],
        known_types: frozenset[str],
        foreseen: dict[str, frozenset[str]] | None = None,
    ) -> None:
        types = sorted(t for t in section.get("types", {}) if t in known_types)
        self.types: list[str] = types
        # per type, the words its rules anchor on (``foreseen``): where the word that weighs
        # most for a type is one of them, the rules saw it and mostly held back on purpose
        # ("designated targets were hit", "making attack drones"), so the model needs the
        # higher ``threshold_foreseen`` (and ``_beside_rules``) to add the type there
        none: frozenset[str] = frozenset()
        self.foreseen: list[frozenset[str]] = [(foreseen or {}).get(t, none) for t in types]
        self.bias: list[float] = [float(section["types"][t]["bias"]) for t in types]
        # a type's family, its name to the first "_" (as EventFinder._resolve has it): a rule's
        # match of the family settles what the sentence holds of it ("TARIFF_THREAT" found: no
        # model "TARIFF_ACTION" beside it)
        bits: dict[str, int] = {}  # a family's types, as bits by type index
        for k, t in enumerate(types):
            bits[family(t)] = bits.get(family(t), 0) | 1 << k
        # each known type -> the bits of its family's scored types (a look-up, where
        # family() would split a string per rule match)
        self.family_bits: dict[str, int] = {t: bits.get(family(t), 0) for t in known_types}
        threshold = float(section.get("threshold", 1.0))
        # the logit to beat in a sentence where no rule matched, and where one did (a rule's
        # miss beside a rule's find is more often a near-miss the rules reject on purpose)
        self.cut = logit(threshold)
        # (never looser than the threshold alone: a file that raises it raises both)
        beside = max(threshold, float(section.get("threshold_beside_rules", threshold)))
        self.cut_beside = logit(beside)
        seen = max(threshold, float(section.get("threshold_foreseen", threshold)))
        self.cut_seen = logit(seen)
        seen_beside = float(section.get("threshold_foreseen_beside_rules", beside))
        self.cut_seen_beside = logit(max(seen, beside, seen_beside))
        # a type is scored only in a sentence with a word or pair weighing this much for it
        gate = float(section.get("gate", 0.0))
        self.table: dict[str, _Feature] = {}
        for k, t in enumerate(types):
            for feat, w in section["types"][t]["weights"].items():
                first, _, second = feat.partition(" ")
                first, second = sys.intern(first), sys.intern(second)
                f = self.table.get(first)
                if f is None:
                    f = self.table[first] = _Feature(len(types))
                if second:
                    if f.next is None:
                        f.next = {}
                    g = f.next.get(second)
                    if g is None:
                        g = f.next[second] = _Feature(len(types))
                    f = g
                f.add(k, float(w), gate)
        self.on = bool(types) and self.cut < math.inf

    def matches(
        self,
        stems: list[str],
        found: list[Match],
        kept: list[KeptWord | None] | None = None,
        first: int = 0,
    ) -> list[Match]:
        """A match for each type scored above the threshold that ``found`` holds none of, on
        the word (or pair) that adds most to its score; [] when there is none. ``kept`` and
        ``first``: the tokens' kept words (``Toks.kept``), on which a word's look-up is kept.

        Only the types a strong word or pair points at are scored, each in a local sum: most
        sentences have none and cost one dict lookup a word (compiled, a list of scores
        would allocate a float object per addition)."""
        table = self.table
        last = len(stems) - 1
        feats: list[_Feature] = []
        strong = 0
        for i in range(last + 1):
            kw = kept[first + i] if kept is not None else None
            f: _Feature | None
            if kw is None:
                f = table.get(stems[i])
            elif kw.scored_in is table:
                f = kw.scored
            else:
                f = table.get(stems[i])
                kw.scored = f
                kw.scored_in = table
            if f is None:
                continue
            feats.append(f)
            strong |= f.strong
            if f.next is not None and i < last:
                g = f.next.get(stems[i + 1])
                if g is not None:
                    feats.append(g)
                    strong |= g.strong
        for m in found:  # a family a rule found is settled: its types are not scored
            strong &= ~self.family_bits.get(m.etype, 0)
        if not strong:
            return []
        cut = self.cut_beside if found else self.cut
        out: list[Match] = []
        for k in range(len(self.types)):
            if not strong >> k & 1:
                continue
            score = self.bias[k]
            for f in feats:
                if f.nonzero >> k & 1:
                    score += f.ws[k]
            if score > cut:
                t0, t1 = self._trigger(stems, k)
                if t0 < 0:
                    continue
                seen = self.foreseen[k]
                if (stems[t0] in seen or stems[t1] in seen) and score <= (
                    self.cut_seen_beside if found else self.cut_seen
                ):
                    continue
                out.append(Match(self.types[k], t0, t1, MODEL_WEIGHT))
        return out

    def _trigger(self, stems: list[str], k: int) -> tuple[int, int]:
        """The first and last token of the word or pair that weighs most for type ``k``
        ((-1, -1) when none weighs for it: a bias alone names no words)."""
        best, first, end = 0.0, -1, -1
        table = self.table
        last = len(stems) - 1
        for i in range(last + 1):
            f = table.get(stems[i])
            if f is None:
                continue
            w = f.ws[k]
            if w > best:
                best, first, end = w, i, i
            if f.next is not None and i < last:
                g = f.next.get(stems[i + 1])
                if g is not None:
                    w = g.ws[k]
                    if w > best:
                        best, first, end = w, i, i + 1
        return first, end
