"""Actors and targets of an event from the entity mentions around its trigger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .entities import Mention

ROLE_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PREPS = frozenset(
    [
        "of",
        "in",
        "at",
        "on",
        "to",
        "for",
        "from",
        "with",
        "by",
        "against",
        "between",
        "into",
        "over",
        "about",
        "under",
        "across",
    ]
)
_COORD = frozenset({"and", "&", ",", "as well as", "or"})
_PARTY_PREPS = frozenset({"with", "between", "and"})
_BY = frozenset({"by"})
_LOCATIVE = frozenset("in at from near inside during across outside".split())
STRATEGY = "first"
OBJ_BETWEEN = True
_OBJ_VERBS = frozenset(
    "urged urges urge told tells asked asks gave gives give accused accuses accusing pressed "
    "warned warns called on against target targets targeted hit hits".split()
)
_SAID = frozenset("said says told tells added according".split())


class Slot(NamedTuple):
    """A role candidate: a mention with the word just before it and its sentence position."""

    mention: Mention
    prev: str  # lower-case word just before the mention ("" at sentence start)
    gap_next: str  # text between this mention and the next candidate
    next_word: str  # lower-case word just after the mention
    lead: bool  # inside a fronted adverbial phrase ("Speaking in Tirana, ...")


_LEADERS = frozenset(
    "with amid in after following speaking despite since during under according on at as while "
    "although though before asked writing".split()
)


def slots(
    text: str, sent_start: int, sent_end: int, ms: Sequence[Mention], title_words: frozenset[str]
) -> list[Slot]:
    cands = [m for m in ms if m.entry.type in ROLE_TYPES]
    if not cands:
        return []
    head = text[sent_start : sent_start + 16].split()
    lead_end = -1
    if head and head[0].lower().strip('"“') in _LEADERS:
        lead_end = text.find(",", sent_start, sent_end)
    out: list[Slot] = []
    for k, m in enumerate(cands):
        before = text[max(sent_start, m.start - 60) : m.start].split()
        while before and (before[-1] in title_words or before[-1].lower() in ("the", "a", "an")):
            before.pop()
        prev = before[-1].lower().strip(",;:\"“”'") if before else ""
        nxt = cands[k + 1].start if k + 1 < len(cands) else m.end
        after = text[m.end : m.end + 20].split()
        nw = after[0].lower().strip(",;:\"“”'.") if after else ""
        out.append(Slot(m, prev, text[m.end : nxt], nw, m.end <= lead_end))
    return out


def _modifier(s: Slot, nxt: Slot | None, title_words: frozenset[str]) -> bool:
    """'U.S. President Donald Trump', "Finland's Alexander Stubb": the place only modifies."""
    if nxt is None or nxt.mention.entry.type not in ("PERSON", "ORG"):
        return False
    if s.mention.entry.type == "PERSON" and nxt.mention.entry.type == "PERSON":
        return False
    if nxt.mention.entry.type == "ORG" and not s.gap_next.startswith(("'s", "’s", " ")):
        return False
    gap = s.gap_next.replace("’s", " ").replace("'s", " ").split()
    return len(gap) <= 4 and all(w.strip(",") in title_words or w.islower() for w in gap)


def _group(ss: list[Slot], k: int, step: int) -> list[int]:
    """Indices of slot k and of those coordinated with it ('X and Y', 'X, Y and Z')."""
    out = [k]
    j = k
    while 0 <= j + step < len(ss):
        a, b = (ss[j], ss[j + step]) if step > 0 else (ss[j + step], ss[j])
        link = a.gap_next.strip().lower()
        if link in _COORD or link in ("and the", ", and", "and its"):
            j += step
            out.append(j)
        else:
            break
    return out


def assign(
    ss: list[Slot],
    trig_start: int,
    trig_end: int,
    symmetric: bool,
    title_words: frozenset[str],
    skip_ids: frozenset[str],
) -> tuple[list[str], list[str]]:
    live = [
        k
        for k, s in enumerate(ss)
        if s.mention.entry.id not in skip_ids
        and not _modifier(s, ss[k + 1] if k + 1 < len(ss) else None, title_words)
    ]
    view = [ss[k] for k in live]
    before = [k for k, s in enumerate(view) if s.mention.end <= trig_start]
    after = [k for k, s in enumerate(view) if s.mention.start >= trig_end]
    actors: list[str] = []
    targets: list[str] = []
    subj_c = [k for k in before if view[k].prev not in _PREPS and not view[k].lead]
    if STRATEGY == "first":
        pref = [k for k in subj_c if view[k].mention.entry.type != "NORP"] or subj_c
        if pref:
            actors = [view[j].mention.entry.id for j in _group(view, pref[0], 1) if j in before]
    else:
        subj = subj_c[-1] if subj_c else None
        if subj is not None:
            actors = [view[j].mention.entry.id for j in _group(view, subj, -1)]
    if not actors and before and symmetric:
        actors = [view[j].mention.entry.id for j in _group(view, before[-1], -1)]
    if not actors:
        for k in after:
            s = view[k]
            if s.prev in _SAID or s.next_word in _SAID:
                actors = [s.mention.entry.id]
                break
    if before and actors:
        last = view[before[-1]]
        if trig_start - last.mention.end <= 2 and last.mention.entry.id not in actors:
            actors.append(last.mention.entry.id)
    inside = [
        s.mention.entry.id
        for s in view
        if trig_start <= s.mention.start
        and s.mention.end <= trig_end
        and s.mention.entry.id not in actors
    ]
    if inside and not symmetric:
        targets = inside
    if not targets and not symmetric and OBJ_BETWEEN:
        objs = [
            view[k].mention.entry.id
            for k in before
            if view[k].mention.entry.id not in actors and view[k].prev in _OBJ_VERBS
        ]
        targets = objs[:1]
    for k in after:
        s = view[k]
        if s.mention.entry.id in actors:
            continue
        if s.prev in _BY and not actors:
            actors = [view[j].mention.entry.id for j in _group(view, k, 1)]
            continue
        if symmetric and s.prev in _PARTY_PREPS:
            actors += [view[j].mention.entry.id for j in _group(view, k, 1)]
            break
        if s.prev in _LOCATIVE:
            continue
        if not targets:
            targets = [view[j].mention.entry.id for j in _group(view, k, 1)]
        break
    actors = list(dict.fromkeys(actors))
    targets = [t for t in dict.fromkeys(targets) if t not in actors]
    return actors, targets
