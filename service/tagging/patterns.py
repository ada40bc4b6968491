"""Trigger patterns: token sequences matched by stem, with bounded gaps. No regex, linear time."""

from __future__ import annotations

import itertools
from typing import Any, NamedTuple

from .text import Toks, stem, tokenize

GAP = 5  # most tokens a '...' may skip
WORD, SKIP, NUM = 0, 1, 2
NUM_KEY = "#NUM"


class Elem(NamedTuple):
    kind: int
    stems: frozenset[str]


class Pattern(NamedTuple):
    etype: str
    elems: tuple[Elem, ...]  # from the anchor element on
    lead: tuple[Elem, ...]  # plain word elements before the anchor, checked backwards
    needs: frozenset[str]
    unless: frozenset[str]
    weight: int
    last: frozenset[str]  # stems of the last word element after the anchor (quick reject)


class Match(NamedTuple):
    etype: str
    first: int  # token index of the first matched token
    last: int  # token index of the last matched token
    weight: int


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


class Matcher:
    def __init__(self, event_types: dict[str, Any]) -> None:
        self.index: dict[str, list[Pattern]] = {}
        for etype in sorted(event_types):
            for trig in event_types[etype]["triggers"]:
                if isinstance(trig, dict):
                    p = trig["p"]
                    needs = frozenset(stem(w) for w in trig.get("if", []))
                    unless = frozenset(stem(w) for w in trig.get("unless", []))
                else:
                    p, needs, unless = trig, frozenset(), frozenset()
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
                        etype, tuple(elems[a:]), tuple(elems[:a]), needs, unless, weight, last
                    )
                    keys = [NUM_KEY] if elems[a].kind == NUM else sorted(elems[a].stems)
                    for k in keys:
                        self.index.setdefault(k, []).append(pat)

    def find(self, toks: Toks) -> list[Match]:
        """All (type, span) matches in one sentence's tokens, the heaviest per type."""
        index = self.index
        stems = toks.stems
        hits = [(i, c) for i, st in enumerate(stems) if (c := index.get(st)) is not None]
        if NUM_KEY in index:
            nums = index[NUM_KEY]
            hits += [(i, nums) for i, w in enumerate(toks.lows) if w.isdigit()]
        if not hits:
            return []
        stem_set = set(stems)
        best: dict[str, Match] = {}
        for i, cands in hits:
            for pat in cands:
                if pat.last and pat.last.isdisjoint(stem_set):
                    continue
                if pat.needs and pat.needs.isdisjoint(stem_set):
                    continue
                if pat.unless and not pat.unless.isdisjoint(stem_set):
                    continue
                first = i
                if pat.lead:
                    first = i - len(pat.lead)
                    if first < 0 or any(
                        stems[first + k] not in e.stems for k, e in enumerate(pat.lead)
                    ):
                        continue
                last = _match_from(pat.elems, toks, i) if len(pat.elems) > 1 else i
                if last < 0:
                    continue
                old = best.get(pat.etype)
                if (
                    old is None
                    or pat.weight > old.weight
                    or (pat.weight == old.weight and first < old.first)
                ):
                    best[pat.etype] = Match(pat.etype, first, last, pat.weight)
        return sorted(best.values(), key=lambda m: (m.first, m.etype))


def _match_from(elems: tuple[Elem, ...], toks: Toks, i: int) -> int:
    pos = i + 1
    slack = 0
    lows, stems = toks.lows, toks.stems
    n = len(lows)
    for e in elems[1:]:
        if e.kind == SKIP:
            slack = GAP
            continue
        hit = -1
        for k in range(pos, min(n, pos + slack + 1)):
            if (e.kind == WORD and stems[k] in e.stems) or (e.kind == NUM and lows[k].isdigit()):
                hit = k
                break
        if hit < 0:
            return -1
        pos = hit + 1
        slack = 0
    return pos - 1
