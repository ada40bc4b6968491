"""Actors and targets of an event from the entity mentions around its trigger.

The cue words (prepositions, speech verbs, ...) come from the ``cues`` rule data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .entities import Mention

ROLE_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
ADJ = True
SPK = False
_ARTICLES = frozenset({"the", "The", "a", "A", "an", "An"})
_OPENING_PUNCT = frozenset({",", "“", '"'})
_STRIP = ",;:\"“”'.()"


class Slot(NamedTuple):
    """A role candidate: a mention with the words around it."""

    id: str
    type: str
    start: int
    end: int
    prev: str  # lower-case word just before the mention, titles and articles skipped
    gap_next: str  # text between this mention and the next candidate
    next_word: str  # lower-case word just after the mention
    speaker: bool  # followed by a speech verb ("..., South Korea's military said")
    lead: bool  # inside a fronted adverbial phrase ("Speaking in Tirana, ...")


class Roles:
    def __init__(self, cues: dict[str, list[str]], title_words: frozenset[str]) -> None:
        def s(name: str) -> frozenset[str]:
            return frozenset(w.lower() for w in cues.get(name, []))

        self.preps = s("role_preps")
        self.locative = s("locative_preps")
        self.party = s("party_preps")
        self.agent = s("agent_preps")
        self.speaker = s("speaker_words")
        self.obj_verbs = s("object_verbs")
        self.openers = s("fronted_openers")
        self.coord = s("coordinators")
        self.skip_ids = frozenset(cues.get("non_actor_ids", []))
        self.title_words = title_words

    def slots(self, text: str, sent_start: int, sent_end: int, ms: Sequence[Mention]) -> list[Slot]:
        """Role candidates of one sentence, modifiers ("U.S. President X") and media dropped."""
        cands = [m for m in ms if m.entry.type in ROLE_TYPES]
        if not cands:
            return []
        head = text[sent_start : sent_start + 16].split()
        lead_end = -1
        if head and head[0].lower().strip(_STRIP) in self.openers:
            lead_end = text.find(",", sent_start, sent_end)
        raw: list[Slot] = []
        tw = self.title_words
        speaker = self.speaker
        ncands = len(cands)
        for k, m in enumerate(cands):
            ms_, me = m.start, m.end
            before = text[max(sent_start, ms_ - 40) : ms_].split()
            while before and (before[-1] in tw or before[-1] in _ARTICLES):
                before.pop()
            prev = before[-1].lower().strip(_STRIP) if before else ""
            nxt = cands[k + 1].start if k + 1 < ncands else me
            after = text[me : me + 30].split(None, 3)
            nw = after[0].lower().strip(_STRIP) if after else ""
            spk = False
            if not before or text[max(sent_start, ms_ - 2) : ms_].strip() in _OPENING_PUNCT:
                words = text[me : me + 30].replace("’s", " ").replace("'s", " ").lower().split()
                spk = any(w.strip(_STRIP) in speaker for w in words[:3])
            e = m.entry
            raw.append(Slot(e.id, e.type, ms_, me, prev, text[me:nxt], nw, spk, me <= lead_end))
        out: list[Slot] = []
        for k, sl in enumerate(raw):
            if sl.id in self.skip_ids:
                continue
            if k + 1 < len(raw) and self._modifier(sl, raw[k + 1]):
                # the preposition governs the whole phrase ("with Russian President Putin")
                raw[k + 1] = raw[k + 1]._replace(prev=sl.prev, lead=sl.lead)
                continue
            out.append(sl)
        return out

    def _modifier(self, s: Slot, nxt: Slot) -> bool:
        """'U.S. President Donald Trump', "China's Commerce Ministry": the first only modifies."""
        if nxt.type not in ("PERSON", "ORG") or (s.type == "PERSON" and nxt.type == "PERSON"):
            return False
        if nxt.type == "ORG" and not s.gap_next.startswith(("'s", "’s", " ")):
            return False
        gap = s.gap_next.replace("’s", " ").replace("'s", " ").split()
        if any(w in self.coord for w in gap):
            return False  # "Israel and Hamas": coordinated parties, not a modifier
        return len(gap) <= 4 and all(w.strip(",") in self.title_words or w.islower() for w in gap)

    def _group(self, ss: list[Slot], k: int, step: int) -> list[str]:
        """Ids of slot k and of those coordinated with it ('X and Y', 'X, Y and Z')."""
        out = [ss[k].id]
        j = k
        while 0 <= j + step < len(ss):
            a = ss[j] if step > 0 else ss[j + step]
            if a.gap_next.strip().lower() not in self.coord:
                break
            j += step
            out.append(ss[j].id)
        return out

    def assign(
        self, ss: list[Slot], trig_start: int, trig_end: int, symmetric: bool
    ) -> tuple[list[str], list[str]]:
        before = [k for k, s in enumerate(ss) if s.end <= trig_start]
        after = [k for k, s in enumerate(ss) if s.start >= trig_end]
        actors: list[str] = []
        targets: list[str] = []
        subj = [k for k in before if ss[k].prev not in self.preps and not ss[k].lead]
        pref = [k for k in subj if ss[k].type != "NORP"] or subj
        if pref:
            n = len(before)
            actors = [i for i in self._group(ss, pref[0], 1)][: max(1, n)]
            actors = [i for i in actors if any(ss[k].id == i for k in before)]
        if not actors and before and symmetric:
            actors = self._group(ss, before[-1], -1)
        if not actors:
            for k in after:
                if ss[k].prev in self.speaker or ss[k].next_word in self.speaker:
                    actors = [ss[k].id]
                    break
        if before and actors:
            last = ss[before[-1]]
            if trig_start - last.end <= 2 and last.id not in actors:
                actors.append(last.id)
        if not symmetric:
            targets = [
                s.id
                for s in ss
                if trig_start <= s.start and s.end <= trig_end and s.id not in actors
            ]
            if not targets:
                objs = [
                    ss[k].id
                    for k in before
                    if ss[k].id not in actors and ss[k].prev in self.obj_verbs
                ]
                targets = objs[:1]
        for k in after:
            s = ss[k]
            if s.id in actors:
                continue
            if s.prev in self.agent and s.start - trig_end < 12:
                # passive voice ("talks mediated by Qatar"): the agent acts on the subject
                if not symmetric:
                    targets = [a for a in actors if a not in targets] + targets
                actors = self._group(ss, k, 1) if not symmetric else actors + self._group(ss, k, 1)
                continue
            if s.prev in self.agent and not actors:
                actors = self._group(ss, k, 1)
                continue
            if s.speaker:
                continue
            if symmetric and s.prev in self.party:
                actors += self._group(ss, k, 1)
                break
            if s.prev in self.locative:
                continue
            if not targets:
                targets = self._group(ss, k, 1)
            break
        actors = list(dict.fromkeys(actors))
        targets = [t for t in dict.fromkeys(targets) if t not in actors]
        return actors, targets
