"""Trigger patterns: token sequences matched by stem, with bounded gaps. No regex, linear time."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from .text import Token, stem, tokenize

GAP = 5  # most tokens a '...' may skip
WORD, SKIP, NUM = 0, 1, 2
NUM_KEY = "#NUM"


class Elem(NamedTuple):
    kind: int
    stems: frozenset[str]


class Pattern(NamedTuple):
    etype: str
    elems: tuple[Elem, ...]
    needs: frozenset[str]
    unless: frozenset[str]
    weight: int


class Match(NamedTuple):
    etype: str
    first: int  # token index of the first matched token
    last: int  # token index of the last matched token
    weight: int


def _words(alt: str) -> list[str]:
    return [t.stem for t in tokenize(alt.replace("_", " "))]


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
                    pat = Pattern(etype, tuple(elems), needs, unless, weight)
                    keys = [NUM_KEY] if elems[0].kind == NUM else sorted(elems[0].stems)
                    for k in keys:
                        self.index.setdefault(k, []).append(pat)

    def find(self, toks: Sequence[Token], stems: Iterable[str]) -> list[Match]:
        """All (type, span) matches in one sentence's tokens; best per type comes first."""
        stem_set = set(stems)
        best: dict[str, Match] = {}
        index = self.index
        for i, tok in enumerate(toks):
            cands = index.get(tok.stem)
            if tok.low.isdigit():
                cands = (cands or []) + index.get(NUM_KEY, [])
            if not cands:
                continue
            for pat in cands:
                if pat.needs and not (pat.needs & stem_set):
                    continue
                if pat.unless and pat.unless & stem_set:
                    continue
                last = _match_from(pat.elems, toks, i)
                if last < 0:
                    continue
                m = Match(pat.etype, i, last, pat.weight)
                old = best.get(pat.etype)
                if old is None or m.weight > old.weight:
                    best[pat.etype] = m
        return sorted(best.values(), key=lambda m: (m.first, m.etype))


def _match_from(elems: tuple[Elem, ...], toks: Sequence[Token], i: int) -> int:
    pos = i + 1
    slack = 0
    n = len(toks)
    for e in elems[1:]:
        if e.kind == SKIP:
            slack = GAP
            continue
        hit = -1
        for k in range(pos, min(n, pos + slack + 1)):
            t = toks[k]
            if (e.kind == NUM and t.low.isdigit()) or (e.kind == WORD and t.stem in e.stems):
                hit = k
                break
        if hit < 0:
            return -1
        pos = hit + 1
        slack = 0
    return pos - 1
