"""Actors and targets of an event from the entity mentions around its trigger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .entities import Mention

ROLE_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PREPS = frozenset(
    ["of", "in", "at", "on", "to", "for", "from", "with", "by", "against", "between", "into", "over", "about", "under", "across"]
)
_COORD = frozenset({"and", "&", ",", "as well as", "or"})
_PARTY_PREPS = frozenset({"with", "between", "and"})
_BY = frozenset({"by"})


class Slot(NamedTuple):
    """A role candidate: a mention with the word just before it and its sentence position."""

    mention: Mention
    prev: str  # lower-case word just before the mention ("" at sentence start)
    gap_next: str  # text between this mention and the next candidate


def slots(text: str, sent_start: int, ms: Sequence[Mention]) -> list[Slot]:
    cands = [m for m in ms if m.entry.type in ROLE_TYPES]
    out: list[Slot] = []
    for k, m in enumerate(cands):
        before = text[max(sent_start, m.start - 30) : m.start].split()
        prev = before[-1].lower().strip(",;:\"“”'") if before else ""
        if prev == "the" and len(before) > 1:
            prev = before[-2].lower().strip(",;:\"“”'")
        nxt = cands[k + 1].start if k + 1 < len(cands) else m.end
        out.append(Slot(m, prev, text[m.end : nxt]))
    return out


def _modifier(s: Slot, nxt: Slot | None, title_words: frozenset[str]) -> bool:
    """'U.S. President Donald Trump', "Finland's Alexander Stubb": the place only modifies."""
    if nxt is None or nxt.mention.entry.type != "PERSON" or s.mention.entry.type == "PERSON":
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
    subj = next((k for k in reversed(before) if view[k].prev not in _PREPS), None)
    if subj is None and before and symmetric:
        subj = before[-1]
    if subj is not None:
        actors = [view[j].mention.entry.id for j in _group(view, subj, -1)]
    for k in after:
        s = view[k]
        if s.prev in _BY and not actors:
            actors = [view[j].mention.entry.id for j in _group(view, k, 1)]
            continue
        if symmetric and s.prev in _PARTY_PREPS:
            actors += [view[j].mention.entry.id for j in _group(view, k, 1)]
            break
        if not targets:
            targets = [view[j].mention.entry.id for j in _group(view, k, 1)]
            break
    actors = list(dict.fromkeys(actors))
    targets = [t for t in dict.fromkeys(targets) if t not in actors]
    return actors, targets
