"""The target model: who an event is aimed at, where the role rules named no one for a name in
its sentence.

The role rules (roles.py) read the sentence's shape: subject before the trigger, object after,
"against X", "on X". Held-out text phrases many targets in ways they do not foresee ("Moscow
rejected the proposal from Kyiv"), and on such text the rules found under half the labelled
targets. This binary linear model, trained by ``make model`` on the same labelled sets as the
sentence model, scores each name of the event's sentence that the rules left without a role:
from the event type, the kind of name, its side of the trigger and distance from it, and the
tokens around it. A name scoring above the threshold is added as a target; the rules' actors
and targets are never changed, so it only adds.

Features are strings ("Tw1 REJECTION after from": the word before a name after a rejection's
trigger), as training sees them; tokens hold no white space, so a space splits them
unambiguously. Tagging never builds them: at start-up the weights are folded into tables keyed
by the parts an event fixes (type, side) and looked up with the sentence's own token strings,
a dozen look-ups a name (``TargetModel.logit`` equals the bias plus the sum over ``features``:
a test holds them to it).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from .classifier import logit
from .entities import Mention
from .text import Toks

GAP_WORDS = 3  # how many of the tokens between a name and the trigger are features
MAX_INDEX = 3  # names after the third of a sentence share one index feature
METONYM_KINDS = ("place", "org")  # kinds that may stand for their country
METONYM_PREFIXES = ("place:", "org:")
SIDES = ("before", "in", "after")  # a name's side of the trigger, by index
BEFORE, INSIDE, AFTER = 0, 1, 2
BANDS = ("0", "1", "2", "3", "4")
SPEECH = frozenset({"said", "says", "told", "stated", "added", "announced", "claimed"})
# a name's role by the rules, as the actor model reads it: none, a target, an actor
ROLES = ("N", "T", "A")
NO_ROLE, TARGET, ACTOR = 0, 1, 2
SUBORDINATORS = frozenset(
    {"after", "before", "while", "when", "whereas", "although", "though", "since", "because"}
)


def kind_of(eid: str) -> str:
    """An entity id's kind ("country" of "country:RUS")."""
    return eid.partition(":")[0]


class Trigger:
    """An event's trigger in its sentence's tokens: its span, its first and next token's
    indices, and its first word."""

    __slots__ = ("end", "first", "next", "start", "word")

    def __init__(self, toks: Toks, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.first = _first_at(toks.starts, start)
        self.next = _first_at(toks.starts, end, self.first)
        self.word = toks.lows[self.first] if self.first < len(toks.lows) else "$"


class Place:
    """Where a name stands against an event's trigger, in the sentence's tokens."""

    __slots__ = ("apart", "b", "comma", "gap", "n1", "s", "w1", "w2")

    def __init__(self, toks: Toks, text: str, t: Trigger, c: Mention) -> None:
        starts, lows = toks.starts, toks.lows
        n = len(lows)
        i0 = _first_at(starts, c.start)  # the name's first token
        i1 = _first_at(starts, c.end, i0)  # the first token after it
        if c.start >= t.end:
            self.s, lo, hi, a, b = AFTER, t.next, i0, t.end, c.start
        elif c.end <= t.start:
            self.s, lo, hi, a, b = BEFORE, i1, t.first, c.end, t.start
        else:
            self.s, lo, hi, a, b = INSIDE, 0, 0, 0, 0
        # (each word once: training weighs a feature's presence, not its count)
        self.gap = list(dict.fromkeys(lows[lo : min(hi, lo + GAP_WORDS)])) if hi > lo else []
        self.b = _band(hi - lo if hi > lo else 0)
        self.comma = text.find(",", a, b) >= 0
        # no party, as the role rules hold: a name fused to a describing word ("a Dubai-based
        # firm"), or one in another clause (after a semicolon; after a comma and "after",
        # "while", ...: "two days after the government of Mexico spoke"), or who says it
        self.apart = (
            text.startswith("-", c.end)
            or (c.start > 0 and text[c.start - 1] == "-")
            or text.find(";", a, b) >= 0
            or (self.comma and not SUBORDINATORS.isdisjoint(lows[lo:hi]))
            # the speaker of a trailing attribution ("..., Azerbaijan's ministry said")
            or (self.comma and self.s == AFTER and _says(toks, text, i1))
        )
        self.w1 = lows[i0 - 1] if i0 > 0 else "^"
        self.w2 = lows[i0 - 2] if i0 > 1 else "^"
        self.n1 = lows[i1] if i1 < n else "$"


def _says(toks: Toks, text: str, i: int) -> bool:
    """Whether a speech verb ("said") comes within four tokens from token ``i``, before any
    comma: the name before it is a trailing attribution's speaker."""
    starts, lows = toks.starts, toks.lows
    stop = text.find(",", starts[i] if i < len(starts) else len(text))
    for j in range(i, min(i + 4, len(lows))):
        if 0 <= stop < starts[j]:
            return False
        if lows[j] in SPEECH:
            return True
    return False


def _first_at(starts: list[int], at: int, i: int = 0) -> int:
    """``bisect_left(starts, at, i)`` as a plain loop: a sentence has a few dozen tokens, and
    compiled, a loop costs less than the call."""
    n = len(starts)
    while i < n and starts[i] < at:
        i += 1
    return i


def _args(has_targets: bool, has_actors: bool) -> int:
    """What the rules gave an event, as ``score``'s ``args``: 2 for targets, plus 1 for actors."""
    return (2 if has_targets else 0) + (1 if has_actors else 0)


def _band(n: int) -> int:
    """Distance in tokens, in five bands (adjacent, near, clause, far, beyond)."""
    return 0 if n <= 1 else 1 if n <= 3 else 2 if n <= 6 else 3 if n <= 12 else 4


def features(
    etype: str, c: Mention, p: Place, index: int, trig: str, has_targets: bool, has_actors: bool
) -> list[str]:
    """The features of candidate ``c`` (the ``index``-th name of the sentence, at ``p``) for an
    event of ``etype`` whose trigger begins with ``trig``. Training reads these; tagging sums
    the same weights through the tables TargetModel folds them into."""
    k, side, band = kind_of(c.entry.id), SIDES[p.s], BANDS[p.b]
    out = [
        "b",
        f"T {etype}",
        f"K {k}",
        f"TK {etype} {k}",
        f"TP {etype} {side}",
        f"TKP {etype} {k} {side}",
        f"KP {k} {side}",
        f"PD {side} {band}",
        f"TPD {etype} {side} {band}",
        f"w1 {p.w1}",
        f"Tw1 {etype} {p.w1}",
        f"Pw1 {side} {p.w1}",
        f"w2 {p.w2} {p.w1}",
        f"n1 {p.n1}",
        f"Tn1 {etype} {p.n1}",
        f"idx {min(index, MAX_INDEX)} {side} {etype}",
        f"comma {int(p.comma)} {side}",
        f"trig {trig} {side}",
        f"tg {int(has_targets)} {int(has_actors)} {etype}",
    ]
    for w in p.gap:
        out.append(f"g {side} {w}")
    return out


def actor_features(
    etype: str,
    c: Mention,
    p: Place,
    index: int,
    trig: str,
    has_targets: bool,
    has_actors: bool,
    role: int,
) -> list[str]:
    """The actor model's features of candidate ``c``: the target model's, and the role the
    rules gave it (``ROLES``), alone and by the event type, side and kind of name."""
    r, k, side = ROLES[role], kind_of(c.entry.id), SIDES[p.s]
    out = features(etype, c, p, index, trig, has_targets, has_actors)
    out += [f"R {r}", f"TR {etype} {r}", f"RP {r} {side}", f"RK {r} {k}"]
    return out


def role_of(eid: str, kind: str, event: dict[str, Any], countries: dict[str, str | None]) -> int:
    """The role the rules gave a name in an event (``ROLES``), as the scoring counts it."""
    country = countries.get(eid)
    if _covered(eid, kind, country, event["actors"], countries):
        return ACTOR
    if _covered(eid, kind, country, event["targets"], countries):
        return TARGET
    return NO_ROLE


def _covered(
    eid: str, kind: str, country: str | None, args: Sequence[str], countries: dict[str, str | None]
) -> bool:
    """Whether a name already is one of the event's arguments: by id, or as a capital or
    government standing for a country named as one, or the reverse (as the scoring counts)."""
    if eid in args:
        return True
    if kind in METONYM_KINDS:
        return country is not None and country in args
    if kind == "country":
        for a in args:
            if a.startswith(METONYM_PREFIXES) and countries.get(a) == eid:
                return True
    return False


def sentence_names(
    names: list[Mention], starts: list[int], s0: int, s1: int
) -> list[tuple[int, Mention, str]]:
    """The names of the sentence ``s0``..``s1``, each once, with their index among them and
    their kind; goods are never parties. ``names`` are the field's names in text order,
    ``starts`` their starts."""
    lo = bisect_left(starts, s0)  # (a field has scores of names: bisected)
    hi = bisect_left(starts, s1, lo)
    out: list[tuple[int, Mention, str]] = []
    seen: list[str] = []  # (a sentence names a handful: a list is cheaper than a set)
    for j in range(lo, hi):
        m = names[j]
        eid = m.entry.id
        if eid in seen:
            continue
        kind = kind_of(eid)
        if kind == "commodity":
            continue
        seen.append(eid)
        out.append((len(seen) - 1, m, kind))
    return out


def unassigned(
    event: dict[str, Any],
    named: list[tuple[int, Mention, str]],
    countries: dict[str, str | None],
) -> list[tuple[int, Mention]]:
    """Those of the sentence's names (``sentence_names``) that are neither the event's actors
    nor its targets, nor an actor's own country ("Macron ... sending French troops": the
    role rules hold it out as they do; its cities and bodies stay candidates), with their
    index."""
    actors = event["actors"]
    args = actors + event["targets"]
    own = [c for c in [countries.get(a) for a in actors] if c is not None]
    return [
        (index, m)
        for index, m, kind in named
        if not _covered(m.entry.id, kind, countries.get(m.entry.id), args, countries)
        and not (kind == "country" and m.entry.id in own)
    ]


def _word_table(d: dict[str, dict[str, float]], context: str) -> dict[str, float]:
    t = d.get(context)
    if t is None:
        t = d[context] = {}
    return t


class _TypeTables:
    """An event type's share of the folded weights: the sums of the features made of parts
    only, by the name's kind and side (and band, index, the event's own arguments), and the
    type's word tables."""

    __slots__ = ("bands", "base", "etype", "index", "n1", "tg", "w1")

    w1: list[dict[str, float]]

    def __init__(self, model: TargetModel, etype: str) -> None:
        fixed = model.fixed
        self.etype = etype
        self.base: dict[str, list[float]] = {}
        self.bands = [
            [
                fixed.get(f"PD {side} {b}", 0.0) + fixed.get(f"TPD {etype} {side} {b}", 0.0)
                for b in BANDS
            ]
            for side in SIDES
        ]
        self.index = [
            [fixed.get(f"idx {i} {side} {etype}", 0.0) for i in range(MAX_INDEX + 1)]
            for side in SIDES
        ]
        self.tg = [fixed.get(f"tg {t} {a} {etype}", 0.0) for t in (0, 1) for a in (0, 1)]
        # the word before: the any-event, the type's and the side's weights in one table a side
        own = model.w1.get(etype, _EMPTY)
        self.w1 = [_summed(model.w1_any, own, model.w1.get(side, _EMPTY)) for side in SIDES]
        self.n1 = _summed(model.n1_any, model.n1.get(etype, _EMPTY), _EMPTY)

    def base_of(self, model: TargetModel, kind: str) -> list[float]:
        """The bias and the type's, kind's and side's own weights, by side."""
        sums = self.base.get(kind)
        if sums is None:
            fixed, etype = model.fixed, self.etype
            common = (
                model.bias
                + fixed.get("b", 0.0)
                + fixed.get("T " + etype, 0.0)
                + fixed.get("K " + kind, 0.0)
                + fixed.get(f"TK {etype} {kind}", 0.0)
            )
            sums = self.base[kind] = [
                common
                + fixed.get(f"TP {etype} {side}", 0.0)
                + fixed.get(f"TKP {etype} {kind} {side}", 0.0)
                + fixed.get(f"KP {kind} {side}", 0.0)
                for side in SIDES
            ]
        return sums


_EMPTY: dict[str, float] = {}


def _summed(*tables: dict[str, float]) -> dict[str, float]:
    """One table whose weight for a word is the sum of the tables' weights for it."""
    out: dict[str, float] = {}
    for t in tables:
        for word, w in t.items():
            out[word] = out.get(word, 0.0) + w
    return out


class TargetModel:
    """Adds targets the rules missed (see the module's docstring)."""

    def __init__(self, section: dict[str, Any]) -> None:
        self.bias = float(section.get("bias", 0.0))
        self.weights: dict[str, float] = {
            str(k): float(w) for k, w in section.get("weights", {}).items()
        }
        self.cut = logit(float(section.get("threshold", 1.0)))
        self.on = bool(self.weights) and self.cut < math.inf
        self.fixed: dict[str, float] = {}  # features of parts only (type, kind, side, ...)
        self.w1: dict[str, dict[str, float]] = {}  # the word before: by "", type, side
        self.w2: dict[str, dict[str, float]] = {}  # the word two before: by the word before
        self.n1: dict[str, dict[str, float]] = {}  # the word after: by "", type
        self.trig: dict[str, dict[str, float]] = {}  # the trigger's word: by side
        self.gap: dict[str, dict[str, float]] = {}  # the words between: by side
        for feat, w in self.weights.items():
            self._fold(feat, w)
        self.commas = [[self.fixed.get(f"comma {c} {side}", 0.0) for c in (0, 1)] for side in SIDES]
        self.w1_any = self.w1.get("", _EMPTY)
        self.n1_any = self.n1.get("", _EMPTY)
        self.gap_side = [self.gap.get(side, _EMPTY) for side in SIDES]
        self.types: dict[str, _TypeTables] = {}

    def _fold(self, feat: str, w: float) -> None:
        name, _, rest = feat.partition(" ")
        if name == "w1" or name == "n1":
            t = _word_table(self.w1 if name == "w1" else self.n1, "")
            t[rest] = t.get(rest, 0.0) + w
            return
        ctx, _, word = rest.partition(" ")
        if name == "Tw1" or name == "Pw1":  # (types are upper case, sides lower: no clash)
            t = _word_table(self.w1, ctx)
        elif name == "Tn1":
            t = _word_table(self.n1, ctx)
        elif name == "w2":  # "w2 <far> <near>"
            t = _word_table(self.w2, word)
            word = ctx
        elif name == "trig":  # "trig <word> <side>"
            t = _word_table(self.trig, word)
            word = ctx
        elif name == "g":
            t = _word_table(self.gap, ctx)
        else:
            self.fixed[feat] = self.fixed.get(feat, 0.0) + w
            return
        t[word] = t.get(word, 0.0) + w

    def tables(self, etype: str) -> _TypeTables:
        """The type's tables, made at its first event."""
        tt = self.types.get(etype)
        if tt is None:
            tt = self.types[etype] = _TypeTables(self, etype)
        return tt

    def score(
        self,
        tt: _TypeTables,
        c: Mention,
        p: Place,
        index: int,
        trig: list[float],
        args: int,
    ) -> float:
        """The model's logit that ``c`` is the target of an event of ``tt``'s type: ``bias``
        plus the weights of ``features(...)``, summed through the folded tables. ``trig``: the
        trigger word's weight by side; ``args``: 2 if the event has targets, plus 1 if actors."""
        s, w1 = p.s, p.w1
        total = tt.base_of(self, kind_of(c.entry.id))[s]
        total += tt.bands[s][p.b] + tt.index[s][min(index, MAX_INDEX)] + tt.tg[args]
        total += self.commas[s][1 if p.comma else 0] + trig[s]
        total += tt.w1[s].get(w1, 0.0) + tt.n1.get(p.n1, 0.0)
        far = self.w2.get(w1)
        if far is not None:
            total += far.get(p.w2, 0.0)
        gap = self.gap_side[s]
        for word in p.gap:
            total += gap.get(word, 0.0)
        return total

    def trigger_weights(self, word: str) -> list[float]:
        """The weight of a trigger's first word, by side of the trigger (``score``'s ``trig``)."""
        return [self.trig.get(side, _EMPTY).get(word, 0.0) for side in SIDES]

    def logit(
        self,
        etype: str,
        c: Mention,
        p: Place,
        index: int,
        trig: str,
        has_targets: bool,
        has_actors: bool,
    ) -> float:
        """``score`` from the parts ``features`` takes (for tests and tools)."""
        tw = self.trigger_weights(trig)
        args = _args(has_targets, has_actors)
        return self.score(self.tables(etype), c, p, index, tw, args)

    def add(
        self,
        events: list[dict[str, Any]],
        places: list[EventPlace | None],
        countries: dict[str, str | None],
    ) -> None:
        """Add to each event's targets the names of its sentence the rules gave no role and
        the model scores above its threshold (in place). ``places``: ``event_places``."""
        if not self.on:
            return
        cut = self.cut
        for k in range(len(events)):
            at = places[k]
            if at is None:
                continue
            ev = events[k]
            free = unassigned(ev, at.named, countries)
            if not free:
                continue
            trigger = at.trigger
            tw = self.trigger_weights(trigger.word)
            tt = self.tables(ev["type"])
            args = _args(bool(ev["targets"]), bool(ev["actors"]))
            added: list[str] = []
            for i, c in free:
                place = Place(at.toks, at.text, trigger, c)
                if place.apart or self.score(tt, c, place, i, tw, args) <= cut:
                    continue
                eid = c.entry.id
                if added and _covered(eid, kind_of(eid), countries.get(eid), added, countries):
                    continue  # the same party as one just added (a capital and its country)
                added.append(eid)
            if added:
                ev["targets"] = ev["targets"] + added


class ActorModel(TargetModel):
    """Who performs an event, where the role rules named no one or named someone unlikely.

    The role rules take the subject before the trigger, the speaker, a pronoun's antecedent;
    on held-out text a third of the actors they name are not the labelled ones. This binary
    linear model (the target model's features and the role the rules gave each name) scores
    every name of the event's sentence: where the rules named no actor, the best-scoring other
    name above ``threshold`` becomes it; where every actor the rules named in the sentence
    scores under ``swap_below`` and another name above ``threshold``, that name replaces them
    (and leaves the targets, if it was one). Actors the rules drew from earlier sentences are
    never touched."""

    def __init__(self, section: dict[str, Any]) -> None:
        super().__init__(section)
        swap = float(section.get("swap_below", 0.0))
        self.swap_cut = logit(swap) if swap > 0 else -math.inf  # (0: never replaced)
        # the role features' summed weights: by type, by kind, at role * 3 + side
        self._roles: dict[str, dict[str, list[float]]] = {}

    def role_weights(self, etype: str, kind: str) -> list[float]:
        """The summed weights of the role features of a name of ``kind`` in an event of
        ``etype``, by role and side (at ``role * 3 + side``), made at their first use."""
        by_kind = self._roles.get(etype)
        if by_kind is None:
            by_kind = self._roles[etype] = {}
        ws = by_kind.get(kind)
        if ws is None:
            f = self.fixed
            ws = by_kind[kind] = [
                f.get("R " + r, 0.0)
                + f.get(f"TR {etype} {r}", 0.0)
                + f.get(f"RP {r} {sd}", 0.0)
                + f.get(f"RK {r} {kind}", 0.0)
                for r in ROLES
                for sd in SIDES
            ]
        return ws

    def role_logit(
        self,
        etype: str,
        c: Mention,
        p: Place,
        index: int,
        trig: str,
        has_targets: bool,
        has_actors: bool,
        role: int,
    ) -> float:
        """The model's logit from the parts ``actor_features`` takes (for tests and tools)."""
        base = self.logit(etype, c, p, index, trig, has_targets, has_actors)
        return base + self.role_weights(etype, kind_of(c.entry.id))[role * 3 + p.s]

    def decide(
        self,
        events: list[dict[str, Any]],
        places: list[EventPlace | None],
        countries: dict[str, str | None],
    ) -> None:
        """Set or replace each event's actor where the model says so (in place; see the
        class's docstring). ``places``: ``event_places``."""
        if not self.on:
            return
        for k in range(len(events)):
            at = places[k]
            if at is None:
                continue
            ev = events[k]
            named = at.named
            roles = [role_of(c.entry.id, kind, ev, countries) for _, c, kind in named]
            if ev["actors"] and ACTOR not in roles:
                continue  # the actors come from an earlier sentence: never touched
            self._decide(ev, at, roles, countries)

    def _decide(
        self,
        ev: dict[str, Any],
        at: EventPlace,
        roles: list[int],
        countries: dict[str, str | None],
    ) -> None:
        trigger, named = at.trigger, at.named
        tw = self.trigger_weights(trigger.word)
        etype = ev["type"]
        tt = self.tables(etype)
        args = _args(bool(ev["targets"]), bool(ev["actors"]))
        ruled: list[Mention] = []  # the rules' actors named in the sentence, all unlikely
        for j in range(len(named)):
            if roles[j] == ACTOR:
                i, c, kind = named[j]
                place = Place(at.toks, at.text, trigger, c)
                if self._score(tt, etype, c, kind, place, i, tw, args, ACTOR) >= self.swap_cut:
                    return  # (most events: the rules' actor is likely enough)
                ruled.append(c)
        best: Mention | None = None
        top = self.cut
        for j in range(len(named)):
            role = roles[j]
            if role != ACTOR:
                i, c, kind = named[j]
                place = Place(at.toks, at.text, trigger, c)
                s = self._score(tt, etype, c, kind, place, i, tw, args, role)
                if s > top:
                    best, top = c, s
        if best is None:
            return
        new = best.entry.id
        # (only the ids the sentence names: an actor from an earlier sentence that one of its
        # names merely stands for, "Moscow" for Russia, stays)
        gone = [m.entry.id for m in ruled]
        ev["actors"] = [a for a in ev["actors"] if a not in gone] + [new]
        if ev["targets"]:  # no party on both sides: nor a capital and its country
            new_kind, new_country = kind_of(new), countries.get(new)
            ev["targets"] = [
                t for t in ev["targets"] if not _covered(new, new_kind, new_country, [t], countries)
            ]

    def _score(
        self,
        tt: _TypeTables,
        etype: str,
        c: Mention,
        kind: str,
        p: Place,
        index: int,
        tw: list[float],
        args: int,
        role: int,
    ) -> float:
        """``score`` and the weights of the name's role."""
        return (
            self.score(tt, c, p, index, tw, args) + self.role_weights(etype, kind)[role * 3 + p.s]
        )


class EventPlace:
    """An event's sentence as the name models read it: its names (``sentence_names``), its
    tokens and text, and the event's trigger in them."""

    __slots__ = ("named", "text", "toks", "trigger")

    def __init__(
        self, named: list[tuple[int, Mention, str]], toks: Toks, trigger: Trigger, text: str
    ) -> None:
        self.named = named
        self.toks = toks
        self.trigger = trigger
        self.text = text


def event_places(
    events: list[dict[str, Any]],
    texts: dict[str, str],
    words: dict[str, list[Toks]],
    names: dict[str, list[Mention]],
) -> list[EventPlace | None]:
    """Each event's ``EventPlace``, or None where its sentence names no one, read once for
    both name models. ``words``: each field's sentences' tokens; ``names``: each field's names
    in text order."""
    starts = {f: [m.start for m in ms] for f, ms in names.items()}
    out: list[EventPlace | None] = []
    at: tuple[str, int] = ("", -1)  # the sentence whose names ``named`` holds
    named: list[tuple[int, Mention, str]] = []
    toks: Toks | None = None
    for ev in events:
        field = ev["field"]
        ms = names[field]
        sentence = ev["sentence"]
        s0 = sentence["start"]
        if ms and (at[0] != field or at[1] != s0):  # (a sentence's events come together)
            at = (field, s0)
            named = sentence_names(ms, starts[field], s0, sentence["end"])
            toks = sentence_toks(words[field], s0) if named else None
        if not ms or not named or toks is None:
            out.append(None)
            continue
        span = ev["trigger"]
        trigger = Trigger(toks, span["start"], span["end"])
        out.append(EventPlace(named, toks, trigger, texts[field]))
    return out


def sentence_toks(sents: list[Toks], start: int) -> Toks | None:
    """The tokens of the sentence that begins at ``start``."""
    for toks in sents:
        if toks.span[0] == start:
            return toks
    return None
