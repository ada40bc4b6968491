"""Actors and targets of an event from the entity mentions around its trigger.

The cue words (prepositions, speech verbs, ...) come from the ``cues`` rule data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from .entities import Mention
from .text import Toks, WordCues, word_bit

if TYPE_CHECKING:  # only in annotations: a machine integer to mypyc, a plain int as Python
    from mypy_extensions import i64

# (Final: compiled, C statics rather than module-dict look-ups per candidate)
ROLE_TYPES: Final = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_ARTICLES: Final = frozenset({"the", "The", "a", "A", "an", "An"})
_OPENING_PUNCT: Final = (ord(","), ord("“"), ord('"'))  # (as codes: see _opening_punct)
_STRIP: Final = ",;:\"“”'.()"
_CLAUSE_PUNCT: Final = ',;:()"“”'
_OWNER_TYPES: Final = frozenset({"PERSON", "ORG"})  # what a modifier may modify
# (the marks one by one: a generator over the string made a one-character string per mark
# and, compiled, stripped the gap again for each)
_CLAUSE_MARKS: Final = tuple(_CLAUSE_PUNCT)


class Slot:
    """A role candidate: a mention with the words around it. A plain class rather than a
    NamedTuple: compiled, it is made by a direct call (one per candidate of every sentence
    with a trigger) and its fields are read straight from the object.

    The word after it and whether a speech verb follows are found only when first asked
    (``Roles._next``, ``Roles._speaks``): most slots are never asked (about 6 in 10 and 7 in
    10), and finding them cut out, lower-cased and split the text after every name."""

    __slots__ = (
        "alone",
        "comma",
        "country",
        "end",
        "gap_next",
        "id",
        "joins",
        "lead",
        "next_word",
        "prev",
        "sent_start",
        "speaker",
        "start",
        "text",
        "type",
    )

    def __init__(
        self,
        id: str,
        type: str,
        start: int,
        end: int,
        prev: str,
        gap_next: str,
        lead: bool,
        comma: bool,
        country: str | None,
        text: str,
        sent_start: int,
        alone: bool,
    ) -> None:
        self.id = id
        self.type = type
        self.start = start
        self.end = end
        self.prev = prev  # lower-case word just before the mention, titles and articles skipped
        self.gap_next = gap_next  # text between this mention and the next candidate
        self.joins = -1  # whether gap_next joins the two names: 1 or 0, -1 not yet asked
        # lower-case word just after the mention (None: not yet found, see Roles._next)
        self.next_word: str | None = None
        # followed by a speech verb ("..., South Korea's military said"): 1 or 0, -1 where
        # not yet found (see Roles._speaks)
        self.speaker = -1
        self.lead = lead  # inside a fronted adverbial phrase ("Speaking in Tirana, ...")
        self.comma = comma  # a comma just before it (titles skipped): it may open a clause
        self.country = country  # the country it is or belongs to, where known
        self.text = text  # the text it is in, and where its sentence starts
        self.sent_start = sent_start
        self.alone = alone  # no word before it in the sentence's 40 characters before it


class BeforeWord:
    """A word just before a name: whether it is skipped there (an article or a title word,
    "of" aside) and its ``_bare`` form."""

    __slots__ = ("bare", "skip")

    def __init__(self, skip: bool, bare: str) -> None:
        self.skip = skip
        self.bare = bare


class Roles:
    def __init__(self, cues: dict[str, list[str]], title_words: frozenset[str]) -> None:
        def s(name: str) -> frozenset[str]:
            return frozenset(w.lower() for w in cues.get(name, []))

        self.preps = s("role_preps")
        self.locative = s("locative_preps")
        self.party = s("party_preps")
        self.agent = s("agent_preps")
        # "disappointed by X", "concerned by X": a feeling's "by" names its cause, no agent
        self.feelings = s("feeling_words")
        self.speaker = s("speaker_words")
        self.obj_verbs = s("object_verbs")
        self.openers = s("fronted_openers")
        self.subordinators = s("subordinators")
        self.participles = s("speaking_participles")
        self.talk_re = _words_re(cues.get("talk_verbs", []))
        # subordinators and speaking participles open a clause of its own after a trigger:
        # asked only whether either is there, so one search of both (where two cost twice)
        self.clause_opener_re = _words_re(
            cues.get("subordinators", []) + cues.get("speaking_participles", [])
        )
        self.coord = s("coordinators")
        self.skip_ids = frozenset(cues.get("non_actor_ids", []))
        self.title_words = title_words
        self.openers_subj = s("subject_openers")
        # words opening a clause whose own subject does the trigger in it ("X lifts curbs as
        # Y and Z return to talks"), spaced for a search of the sentence
        self.clause_subjects = tuple(f" {w} " for w in cues.get("clause_subject_openers", []))
        # their bit in the tokens' cue bits, where each is one lower-case ASCII word (a token
        # of its own wherever it stands between spaces): a sentence with none is not searched
        words = frozenset(w[1:-1] for w in self.clause_subjects)
        plain = all(w.isascii() and w.isalpha() and w.islower() for w in words)
        self.subject_bit: i64 = word_bit(words) if plain and words else 0
        self.seat_nouns = s("seat_nouns")
        # a name modifying one of these names a rule book, not a party ("WTO rules")
        self.standard_nouns = s("standard_nouns")
        # "a Minsk-based company", "a Panama-flagged tanker": the name describes what follows
        self.descriptor_words = s("descriptor_words")
        self.spokes_nouns = s("spokes_nouns")
        # people or forces a name modifies before "and" names a conjunct ("EU negotiators and
        # China's ministry", "Israeli troops and Hezbollah")
        self.party_nouns = s("party_nouns")
        # ... and one of these, after a country's name, names its envoy (see _envoy_of)
        self.envoy_nouns = s("envoy_nouns")
        self.section_labels = s("section_labels")
        # "a U.S.-brokered ceasefire": the name fused to one of these brokered it, no more
        self.brokers = s("broker_participles")
        self.host_verbs = s("host_verbs")
        # "..., a charge Z denied": what was said, right before the one who answers it
        self.rebutted = s("rebutted_nouns")
        self.rebut_gap = s("rebuttal_gap_words")
        self._coord_memo: dict[str, bool] = {}
        self._word_memo: dict[str, str] = {}  # see _bare
        self._before_memo: dict[str, BeforeWord] = {}  # see _before_word
        self._gap_memo: dict[str, bool] = {}  # see _modifier
        # "X accused Y of <event>", "X thanked Y for <event>": Y performed it
        self.credit = s("credit_verbs")
        self.accuse = s("accusation_verbs") | self.credit
        self.patient_re = _words_re(cues.get("patient_verbs", []))
        self.boundary_re = _words_re(cues.get("clause_boundaries", []))
        self.pronoun_re = _words_re(cues.get("subject_pronouns", []))
        # one-word pronouns: their whole-word matches cannot overlap
        self.pronoun_words = all(w.isalpha() for w in cues.get("subject_pronouns", []))
        self.speech_re = _words_re(cues.get("reported_speech", []))
        self.warn_re = _words_re(cues.get("threat_verbs", []))
        self.obligation_re = _words_re(cues.get("obligation_modals", []))
        self.obligation_first = _first_chars(cues.get("obligation_modals", []))
        # verbs the cue lists know: a gap holding one is a clause, not a title or a modifier
        self.verbs = frozenset(
            w
            for name in (
                "speaker_words",
                "reported_speech",
                "accusation_verbs",
                "credit_verbs",
                "object_verbs",
                "threat_verbs",
                "patient_verbs",
            )
            for w in s(name)
            if " " not in w and w not in ("on", "against")
        )
        # words that cannot stand between a possessor and the noun it owns
        self.not_modifiers = self.verbs | self.preps | self.coord

    def slots(self, text: str, sent_start: int, sent_end: int, ms: list[Mention]) -> list[Slot]:
        """Role candidates of one sentence, modifiers ("U.S. President X") and media dropped."""
        cands = [m for m in ms if m.entry.type in ROLE_TYPES]
        if not cands:
            return []
        label = self._label_end(text, sent_start, sent_end)
        if label > 0:  # "Gaza live: ...": the story's label names no party
            cands = [m for m in cands if m.start > label]
            if not cands:
                return []
        head = _first_word(text, sent_start, sent_start + 16)
        lead_end = -1
        if head and self._bare(head) in self.openers:
            lead_end = _appositive_end(text, text.find(",", sent_start, sent_end), cands)
        raw: list[Slot] = []
        tw = self.title_words
        ncands = len(cands)
        for k, m in enumerate(cands):
            ms_, me = m.start, m.end
            # the last two words of the 40 characters before it (as split() cuts them), titles
            # and articles skipped: found walking back word by word, no list of every word
            # (the word before one is cut out only where asked: after "of", "in" or "for")
            lo = max(sent_start, ms_ - 40)
            b1, e1 = _word_before(text, lo, ms_)
            last = text[b1:e1]
            prev = ""
            while last:
                if last == "of":  # (a title word only inside a title: see _title_word)
                    if not _title_word(last, text, lo, b1, tw):
                        prev = last
                        break
                else:
                    w = self._before_word(last)
                    if not w.skip:
                        prev = w.bare
                        break
                b1, e1 = _word_before(text, lo, b1)
                last = text[b1:e1]
            if prev == "in" or prev == "for":
                b2, e2 = _word_before(text, lo, b1)
                second = text[b2:e2].lower()
                if second and second in (self.seat_nouns if prev == "in" else self.spokes_nouns):
                    # "the government in Belgrade", "a spokeswoman for Armenia": a subject
                    prev = second
            comma = last.endswith(",")
            nxt = cands[k + 1].start if k + 1 < ncands else me
            e = m.entry
            home = e.id if e.id.startswith("country:") else e.country
            raw.append(
                Slot(
                    e.id,
                    e.type,
                    ms_,
                    me,
                    prev,
                    text[me:nxt],
                    me <= lead_end,
                    comma,
                    home,
                    text,
                    sent_start,
                    not last,
                )
            )
        out: list[Slot] = []
        skip = self.skip_ids
        for k, sl in enumerate(raw):
            if (
                sl.id in skip
                or self._names_a_standard(text, sl.end)
                or self._descriptor(text, sl.end)
            ):
                continue
            if (
                k + 1 < ncands
                and raw[k + 1].type in _OWNER_TYPES
                and self._modifier(sl, raw[k + 1])
            ):
                # the preposition governs the whole phrase ("with Russian President Putin"), and
                # a country modifying a person is his ("Thai army spokesman X")
                owner = raw[k + 1]
                home = owner.country or (sl.country if owner.type == "PERSON" else None)
                # (a slot of this call only: changed in place)
                owner.prev = sl.prev
                owner.lead = sl.lead
                owner.comma = sl.comma
                owner.country = home
                continue
            out.append(sl)
        return out

    def has_openers(self, toks: Toks) -> bool:
        """Whether the sentence may hold one of ``clause_subjects`` (True where its tokens
        carry no cue bits to tell): a bit test per token in place of a search of the text
        per word for each trigger."""
        bit: i64 = self.subject_bit
        masks = toks.word_masks() if bit else None
        if masks is None:
            return True
        first: i64 = toks.first
        for i in range(len(toks.lows)):
            m: i64 = masks[first + i]
            if m & bit:
                return True
        return False

    def _names_a_standard(self, text: str, at: int) -> bool:
        """The name ending at ``at`` modifies a rule book ("violated WTO rules", "UN
        resolutions"), not a verb ("the EU rules out talks"). (The space is read as a code
        point: compiled, startswith at a position is a generic method call.)"""
        if at >= len(text) or ord(text[at]) != 32:
            return False
        w = _first_word(text, at + 1, at + 16)
        if self._bare(w) not in self.standard_nouns:
            return False
        return _first_word(text, at + 2 + len(w), at + 24) != "out"

    def _descriptor(self, text: str, at: int) -> bool:
        """The name ending at ``at`` is the first half of a compound that describes what
        follows ("Minsk-based", "Panama-flagged", "Hong Kong-listed"): no party of its own."""
        if at >= len(text) or ord(text[at]) != 45:  # "-"
            return False
        return self._bare(_first_word(text, at + 1, at + 16)) in self.descriptor_words

    def _verb_object(self, s: Slot) -> bool:
        """A name right after a past-tense verb the cue lists do not know (not "said" or
        "accused") is its object: "Israeli jets killed a Hamas leader"."""
        return not s.comma and _past_tense(s.prev) and s.prev not in self.verbs

    def _label_end(self, text: str, lo: int, hi: int) -> int:
        """Where a section label opening the sentence ends ("Gaza live:", "Sudan war latest:"):
        its colon, else -1."""
        colon = text.find(":", lo, min(hi, lo + 40))
        if colon < 0:
            return -1
        b, e = _word_before(text, lo, colon + 1)
        word = text[b:e].rstrip(":").lower()
        return colon if word in self.section_labels else -1

    def _next(self, s: Slot) -> str:
        """The lower-case word just after the slot's mention (cut out when first asked)."""
        nw = s.next_word
        if nw is None:
            nw = _first_word(s.text, s.end, s.end + 30)
            if nw:
                nw = self._bare(nw)
            s.next_word = nw
        return nw

    def _envoy_of(self, s: Slot) -> bool:
        """Whether the slot names a country whose envoys, officials or leader the next word
        names ("the Chinese ambassador", "Russia's chargé d'affaires", "Saudi and Houthi
        delegations"): a party to a meeting, where "American soybeans" is none."""
        if s.type != "NORP" and not s.id.startswith("country:"):
            return False
        text, at = s.text, s.end
        if text.startswith("'s", at) or text.startswith("’s", at):
            at += 2
        elif text.startswith("'", at) or text.startswith("’", at):
            at += 1  # "the Philippines' ambassador"
        # the first of two joined ("Saudi and Houthi delegations"): the noun after the second
        words = text[at : at + 60].split(None, 4)
        for k in range(min(len(words), 4)):
            word = self._bare(words[k])
            if word in self.envoy_nouns:
                return True
            if k == 0 and word != "and" and not words[0].endswith(","):
                return False
            if k == 1 and not words[k][:1].isupper():
                return False
        return False

    def _speaks(self, s: Slot) -> bool:
        """Whether a speech verb follows the slot's mention, where nothing or an opening mark
        comes before it ("..., South Korea's military said"; found when first asked)."""
        if s.speaker < 0:
            text, ms_, me = s.text, s.start, s.end
            spk = False
            if s.alone or _opening_punct(text, max(s.sent_start, ms_ - 2), ms_):
                # (three words are read: a split that stops there makes no string of the rest)
                after = text[me : me + 30].replace("’s", " ").replace("'s", " ").lower()
                words = after.split(None, 3)
                spk = any(w.strip(_STRIP) in self.speaker for w in words[:3])
            s.speaker = int(spk)
        return s.speaker == 1

    def _before_word(self, word: str) -> BeforeWord:
        """What a word just before a name says (memoised: one look-up of the word, where an
        article, a title word and its bare form were three)."""
        memo = self._before_memo
        hit = memo.get(word)
        if hit is None:
            if len(memo) >= 8192:
                memo.clear()
            skip = word in _ARTICLES or word in self.title_words
            hit = memo[word] = BeforeWord(skip, word.lower().strip(_STRIP))
        return hit

    def _bare(self, word: str) -> str:
        """``word.lower().strip(_STRIP)``, memoised: the words around names recur (a dict
        look-up costs less than a lower-cased and a stripped copy)."""
        memo = self._word_memo
        hit = memo.get(word)
        if hit is None:
            if len(memo) >= 8192:
                memo.clear()
            hit = memo[word] = word.lower().strip(_STRIP)
        return hit

    def _modifier(self, s: Slot, nxt: Slot) -> bool:
        """'U.S. President Donald Trump', "China's Commerce Ministry": the first only modifies."""
        if nxt.type not in _OWNER_TYPES or (s.type == "PERSON" and nxt.type == "PERSON"):
            return False
        g = s.gap_next
        # (one startswith per prefix: compiled, a tuple of prefixes is built on every call)
        poss = g.startswith("'s") or g.startswith("’s")
        if nxt.type == "ORG" and not (poss or g.startswith(" ")):
            return False
        if s.type == "PERSON" and not poss:
            return False  # "the Trump administration gave Chevron": only "Trump's X" is one
        if len(g) > 24:
            return self._title_gap(g)
        memo = self._gap_memo
        hit = memo.get(g)
        if hit is None:
            if len(memo) >= 4096:
                memo.clear()
            hit = memo[g] = self._title_gap(g)
        return hit

    def _title_gap(self, g: str) -> bool:
        """Whether the gap between two names holds only a title or a possessive (the part of
        _modifier read from the gap alone: memoised there for short gaps, which recur: " ",
        " President ", "'s ")."""
        body = g.rstrip().rstrip(",")
        if any(c in body for c in _CLAUSE_MARKS):
            # "Putin is planned, the Kremlin": a clause, not a modifier; a comma may only
            # close an appositive title ("Pakistan's prime minister, Shehbaz Sharif")
            return False
        gap = g.replace("’s", " ").replace("'s", " ").split()
        if len(gap) >= 3 and gap[-1].endswith(",") and gap[1] == "and":
            # an appositive title naming two portfolios ("Britain's business and trade
            # secretary, X"): its "and" joins no names
            gap = [gap[0], *gap[2:]]
        if any(w in self.coord or w in self.preps or w in self.verbs for w in gap):
            # "Israel and Hamas", "Trump at the White House", "X's office accused Hamas"
            return False
        # (a past-tense verb is a clause: "Israel killed a Hezbollah commander")
        return len(gap) <= 4 and all(
            w.strip(",") in self.title_words or (w.islower() and not _past_tense(w)) for w in gap
        )

    def _joined(self, s: Slot) -> bool:
        """``_coordinated(s.gap_next)``, kept on the slot: a sentence's triggers, and the
        subject and group searches of each, ask of the same slots (no string hashed again)."""
        if s.joins < 0:
            s.joins = int(self._coordinated(s.gap_next))
        return s.joins == 1

    def _coordinated(self, gap: str) -> bool:
        """Whether the text between two names joins them: "and", ", and the", or after a
        possessed noun ("Sudan's army and the RSF": the army's country is the conjunct).
        Memoised: the same few gaps are asked about again and again."""
        if len(gap) > 40:  # no coordinator is that long; and a long key would pin memory
            return False
        memo = self._coord_memo
        hit = memo.get(gap)
        if hit is None:
            if len(memo) >= 4096:
                memo.clear()
            hit = memo[gap] = self._joins(gap)
        return hit

    def _joins(self, gap: str) -> bool:
        g = gap.strip().lower()
        if g in self.coord:
            return True
        if not g.startswith(("'s ", "’s ")):
            head, _, rest = g.partition(" ")
            return head in self.party_nouns and rest in self.coord
        head, _, rest = g[3:].partition(" ")
        return head.isalpha() and head not in self.not_modifiers and rest in self.coord

    def _group(self, ss: list[Slot], k: int, step: int) -> list[str]:
        """Ids of slot k and of those coordinated with it ('X and Y', 'X, Y and Z')."""
        out = [ss[k].id]
        j = k
        while 0 <= j + step < len(ss):
            if step > 0 and _of_country(ss, j):
                j += 1  # "X of Congo and Y of Rwanda": Congo says whose X is
                continue
            a = ss[j] if step > 0 else ss[j + step]
            if not self._joined(a) or ss[j].lead != ss[j + step].lead:
                break  # not coordinated; a fronted phrase ends at its comma ("In X, Y said")
            if step > 0 and self._next(ss[j + step]) in self.speaker:
                break  # "to X, and Y said": Y opens a clause of its own
            if a.gap_next.strip() == ",":
                d = ss[j + step if step > 0 else j]
                if _describes(d, self._next(d)):
                    break  # "Rosneft, Russia's largest oil company": an apposition, no conjunct
            j += step
            out.append(ss[j].id)
        return out

    def _conjuncts(self, ss: list[Slot], k: int, text: str, pron: int) -> list[str]:
        """Ids of slot k and of the names coordinated after it, where the last of them says
        (in a few words) the pronoun at ``pron`` ("X and Y said on Monday they ...": both,
        though Y speaks), else []."""
        out = [ss[k].id]
        while k + 1 < len(ss) and ss[k + 1].end <= pron and self._joined(ss[k]):
            k += 1
            out.append(ss[k].id)
        gap = text[ss[k].end : pron].split()  # "said", "said on Wednesday that"
        if not gap or gap[0].lower().rstrip(",") not in self.speaker or len(gap) > 4:
            return []
        return out

    def _subjects(self, ss: list[Slot], before: list[int]) -> list[int]:
        """Slots before the trigger not governed by a preposition; a conjunct shares the
        status of the one it is coordinated with ("of Russian and Iranian oil"). ``before``:
        slot indices in rising order (so no set is needed to ask whether k - 1 is one)."""
        out: list[int] = []
        free = False
        for j in range(len(before)):
            k = before[j]
            conjunct = k > 0 and self._joined(ss[k - 1])
            # (``before`` rises: k - 1 is in it only as the index just before k)
            if conjunct and j > 0 and before[j - 1] == k - 1 and ss[k - 1].lead == ss[k].lead:
                pass  # keeps the status of its first conjunct
            else:
                free = ss[k].prev not in self.preps
            if free and not ss[k].lead:
                out.append(k)
        return out

    def _embedded(self, ss: list[Slot], subj: list[int], text: str, lo: int, hi: int) -> int:
        """The subject of the clause holding the trigger, when a speech verb or subordinator
        opens one ("X said Y would ...", "after Y questioned ..."): the slot index of its
        nearest named subject, -2 when a pronoun is nearer ("X said he would ..."), -1 when
        no clause opens or it names no subject (the main subject stays the actor)."""
        b = self.boundary_re.search(text, lo, hi)
        if b is None:
            return -1
        cut = b.start()
        near = [
            k
            for k in subj
            if ss[k].start > cut
            and (ss[k].prev in self.openers_subj or ss[k].comma or not ss[k].prev)
        ]
        if not self.pronoun_words:
            pron = -1
            for m in self.pronoun_re.finditer(text, cut, hi):
                pron = m.start()
            if pron >= 0 and (not near or pron > ss[near[-1]].start):
                return -2
        # a pronoun after the nearest subject (or anywhere in the clause) is nearer: one-word
        # matches never overlap, so the first search from there tells (the one from the cut is
        # shared by all triggers of the sentence)
        elif self.pronoun_re.search(text, ss[near[-1]].start + 1 if near else cut, hi):
            return -2
        return near[-1] if near else -1

    def _demand(
        self, ss: list[Slot], subj: list[int], text: str, sent_start: int, trig_start: int
    ) -> tuple[int, int] | None:
        """(speaker slot or -1 for a pronoun, addressee slot) of a reported demand whose
        demanded act is the trigger: "X said (that) Y must (first) stop ...", or None."""
        first = self.obligation_first
        for k in reversed(subj):
            end = ss[k].end  # the last subject first: "X and Y must" ends at Y
            if not end < trig_start <= end + 24:
                # a modal within 12 characters of the subject that ends within 12 of the
                # trigger (as asked below) cannot fit: no search
                continue
            if first is not None:
                # the modal must follow the subject after spaces only: nothing else can start
                # one there (most subjects are followed by a verb)
                # (text[end : end + 12].lstrip()[:1], by a typed scan of character codes)
                i, stop = end, min(end + 12, len(text))
                while i < stop and _space(ord(text[i])):
                    i += 1
                if i >= stop or text[i] not in first:
                    continue
            m = self.obligation_re.search(text, end, end + 12)
            if m is None or text[end : m.start()].strip() or not 0 <= trig_start - m.end() <= 12:
                continue
            verb = self.speech_re.search(text, sent_start, ss[k].start)
            if verb is None:
                return None
            speakers = [j for j in subj if ss[j].end <= verb.start()]
            return (speakers[0] if speakers else -1), k
        return None

    def _group_end(self, ss: list[Slot], subj: list[int], k: int) -> int:
        """The last free subject before the trigger, counting k's conjuncts as k."""
        last = subj[-1]
        while last > k and self._joined(ss[last - 1]):
            last -= 1
        return last

    def _reported(
        self, ss: list[Slot], main: int, text: str, emb: int, verbs: WordCues | None = None
    ) -> bool:
        """A speech verb right after the main subject opens the clause of the embedded one."""
        b = (verbs or self.speech_re).search(text, ss[main].end, ss[emb].start)
        return b is not None and not text[ss[main].end : b.start()].strip(" ,").count(" ") > 3

    def assign(
        self,
        ss: list[Slot],
        trig_start: int,
        trig_end: int,
        symmetric: bool,
        text: str = "",
        sent_start: int = 0,
        accused_acts: bool = False,
        speaker_judges: bool = False,
        place_preps: frozenset[str] = frozenset(),
        warner_acts: bool = False,
        opposed: bool = False,
        hosted: str = "",
        rebuts: bool = False,
        openers: bool = True,
    ) -> tuple[list[str], list[str]]:
        """Actors and targets of the trigger at [trig_start, trig_end) among the slots.

        ``place_preps``: a country after one of these is what the event is aimed at, if
        nothing else is ("struck camps in X", "a tariff on goods from X"). ``warner_acts``:
        "X warned that Y would ..." is X's threat aimed at Y. ``opposed``: the sentence's
        subject opposes the trigger ("X slammed new Dutch export controls"), so a name that
        modifies it is its only actor. ``hosted``: "join" or "replace": what those a subject
        hosted are to a symmetric trigger. ``openers``: False where the sentence holds none
        of ``clause_subjects`` (see ``has_openers``)."""
        before = [k for k, s in enumerate(ss) if s.end <= trig_start]
        after = [k for k, s in enumerate(ss) if s.start >= trig_end]
        if text and ss and text.find(";", sent_start, ss[-1].end) >= 0:
            # a semicolon ends a clause: "X protests Y's drills; Beijing rejects criticism"
            semi = text.rfind(";", sent_start, trig_start)
            before = [k for k in before if ss[k].start > semi]
            semi = text.find(";", trig_end, ss[-1].end)
            if semi >= 0:
                after = [k for k in after if ss[k].start < semi]
        if text and before and openers:
            # "X lifts curbs as Y and Z return to talks": the clause the trigger is in has
            # its own subject
            cut = -1
            for w in self.clause_subjects:
                cut = max(cut, text.rfind(w, sent_start, trig_start))
            if cut >= 0:
                inner = [k for k in before if ss[k].start > cut]
                if inner and text[cut : ss[inner[0]].start].count(" ") <= 3:
                    before = inner
        # who brokered the event ("a Qatar-mediated truce", "a truce brokered by Qatar"): no
        # party to it, but its actor where no one else is named
        brokers: list[str] = []
        if text and before:
            fused = [k for k in before if self._brokered(ss[k], text, trig_start)]
            if fused:
                before = [k for k in before if k not in fused]
                brokers = [ss[fused[-1]].id]
        actors: list[str] = []
        targets: list[str] = []
        subj = self._subjects(ss, before)
        # the main subject: the first that is no demonym, else the first (-1: none; an index,
        # not a list of the candidates: only the first is read)
        subject = subj[0] if subj else -1
        for k in subj:
            if ss[k].type != "NORP" and not self._verb_object(ss[k]):
                subject = k
                break
        # ... and its demonym conjuncts ("Canadian and U.S. officials"): the group's first
        while subject > 0 and subj[0] < subject and self._joined(ss[subject - 1]):
            if ss[subject - 1].lead != ss[subject].lead:
                break
            subject -= 1
        rebut = self._rebuttal(ss, before, subj, text, trig_start) if rebuts else None
        if rebut is not None:
            return rebut
        emb = self._embedded(ss, subj, text, sent_start, trig_start) if text and subj else -1
        spoken_for = ""
        demand = self._demand(ss, subj, text, sent_start, trig_start) if text and subj else None
        judges = speaker_judges or (
            warner_acts and emb >= 0 and self._reported(ss, subject, text, emb, self.warn_re)
        )
        if demand is not None:
            # "X said Y must stop its offensive": X's demand aimed at Y (a pronoun X is
            # resolved by the caller)
            speaker, addressee = demand
            actors = self._group(ss, speaker, 1) if speaker >= 0 else []
            targets = self._group(ss, addressee, -1)[::-1]
        elif (
            emb >= 0
            and emb != subject
            and judges
            and emb == self._group_end(ss, subj, emb)
            and self._reported(ss, subject, text, emb)
        ):
            # "X said Y had been hostile": X criticises, Y is criticised, unless the trigger
            # names its own object ("X said Y would be listed, accusing Z of ...")
            actors = self._group(ss, subject, 1)
            if not (after and ss[after[0]].start - trig_end <= 1):
                targets = self._group(ss, emb, -1)[::-1] + self._group(ss, emb, 1)[1:]
        elif emb >= 0 and emb != subject and not _same_side(ss[subject], ss[emb]):
            actors = self._group(ss, emb, -1)[::-1] + self._group(ss, emb, 1)[1:]
        elif emb >= 0 and emb != subject:
            # "Modi said India would never ...": the speaker acts for his own country
            actors = self._group(ss, subject, 1)
            spoken_for = ss[emb].id
        elif emb == -2:
            # a pronoun is the subject of the trigger's clause: the person it stands for, named
            # before it in the sentence ("X said he would..."), else the caller's antecedent
            hit = self.pronoun_re.last(text, sent_start, trig_start)
            assert hit is not None  # _embedded found one
            pron, word = hit.start(), hit.group().lower()
            # "it" stands for a country or body ("Ukraine said it was ready"), "he" for a person
            fits = [
                k for k in subj if ss[k].end <= pron and (ss[k].type == "PERSON") != (word == "it")
            ]
            if word == "they":
                # "X and Y said they had agreed": the subjects named before it where they are
                # several ("Macron said they would", "Russia said they would not change its
                # policy" leave "they" to others: the measures, another side)
                first = [k for k in subj if ss[k].end <= pron][:1]
                group = self._conjuncts(ss, first[0], text, pron) if first else []
                if len(group) >= 2:
                    actors = group
                    fits = []
            if fits:
                # a name right after a verb is its object: "X thanked Y and said he ..." is X
                subjects = [k for k in fits if not _after_verb(ss[k].prev, self.verbs)]
                actors = self._group(ss, (subjects or fits)[-1], 1)
            elif word == "it" and subject >= 0:  # an "it" naming no one: the main subject
                actors = self._group(ss, subject, 1)
        elif subject >= 0:
            # (a list: an event's few names before the trigger; compiled, cheaper than a set)
            before_ids = [ss[k].id for k in before]
            actors = [
                i for i in self._group(ss, subject, 1)[: max(1, len(before))] if i in before_ids
            ]
        # a fronted "Amid X's efforts" acts not (asked only of a symmetric trigger)
        free = [k for k in before if not ss[k].lead] if symmetric else []
        if actors and hosted:
            # "X hosted Y and Z for talks": those hosted are parties too ("join"), or the only
            # ones where the host is a mediator ("replace")
            for k in before:
                if ss[k].prev in self.host_verbs and ss[k].id not in actors:
                    guests = self._group(ss, k, 1)
                    actors = guests if hosted == "replace" else actors + guests
                    break
        if actors and symmetric and text and _object_pronoun(text, trig_end):
            # "X thanked Y and hoped to meet him": the other person named is the other party
            other = [k for k in before if ss[k].type == "PERSON" and ss[k].id not in actors]
            if other:
                actors = [*actors, ss[other[-1]].id]
        if not actors and free and symmetric:
            near = self._group(ss, free[-1], -1)
            if text and self.pronoun_re.search(text, sent_start, ss[before[0]].start):
                # "He worked with Paris on the plan": the pronoun acts, the named party is
                # the other side (the caller resolves the pronoun)
                targets = near
            else:
                actors = near
        elif actors and symmetric and text:
            # "X had spoken with Y and Z about the proposal": those X talked with are parties
            # the last slot naming the last actor (a loop: compiled, max() with a default is
            # a generic call)
            tail = len(ss)
            for k in range(len(ss)):
                if ss[k].id == actors[-1]:
                    tail = k
            for k in free:
                if k > tail and ss[k].prev == "with" and ss[k].id not in actors:
                    if self.talk_re.search(text, ss[tail].end, ss[k].start):
                        actors += self._group(ss, k, 1)
                    break
        if not actors and after and ss[after[0]].lead:
            # the trigger is in a fronted phrase ("In a call with X, Y said"): Y, the subject of
            # the clause the comma opens, acts
            main = next((k for k in after if not ss[k].lead), -1)
            named = len(after) if main < 0 else after.index(main)  # parties in the phrase
            if main >= 0 and ss[main].comma and named < 2:
                actors = self._group(ss, main, 1)
        said = -1  # a speaker after the trigger: the actor where no performer is named
        if not actors:
            said = next(
                (
                    k
                    for k in after
                    if ss[k].prev in self.speaker or self._next(ss[k]) in self.speaker
                ),
                -1,
            )
            if said >= 0 and not symmetric:
                actors = [ss[said].id]
        if before and actors:
            last = ss[before[-1]]
            # a name right before the trigger words modifies them ("U.S. sanctions"); one that
            # a comma parts from them ends a phrase ("took it to the UN, accusing X") and does not
            adjacent = (
                (
                    trig_start - last.end <= 2
                    or (last.type == "NORP" and self._noun_words(text, last.end, trig_start))
                )
                and text.find(",", last.end, trig_start) < 0
                and last.prev not in ("of", "from")  # "X of Egypt met": whose X, no party
                # a name modifies a noun, not a verb ("talks in Jeddah brokered by X")
                and not _verb_first(text, trig_start, trig_end)
            )
            pair = self._group(ss, before[-1], -1) if adjacent and symmetric else []
            # (the actors' countries, "Trump ... U.S. plan": one party, found only when asked)
            owner = (
                not adjacent
                and not symmetric
                and self._possessor(text, last, trig_start)
                and last.id not in actors
                and last.id not in _countries_of(ss, actors)
                and last.id != spoken_for
            )
            if len(pair) >= 2:
                actors = pair[::-1]  # "a Trump-Kim meeting": the pair, not who spoke of it
            elif owner:
                actors = [last.id]  # "X criticised Y's missile launch": Y launched it
            elif (
                adjacent
                and last.id not in actors
                and last.id not in _countries_of(ss, actors)
                and last.id != spoken_for
            ):
                if (last.prev in self.agent and last.type in ("GPE", "NORP")) or (
                    opposed and not symmetric
                ):
                    actors = [last.id]  # "a plan put forward by Egyptian mediators": Egypt's
                else:
                    actors.append(last.id)
        if not symmetric:
            # named inside the trigger ("sanctions on Iran"), unless the actor's own country
            # ("Macron ... sending French troops")
            inside = [
                s.id
                for s in ss
                if trig_start <= s.start and s.end <= trig_end and s.id not in actors
            ]
            if inside:  # (most triggers name no one: the countries are found only then)
                own = _countries_of(ss, actors)
                inside = [i for i in inside if i not in own]
            targets = inside or targets
        else:
            # "spoke with X by phone": a party named inside a symmetric trigger, as is a
            # country or demonym there ("summoned the Chinese ambassador")
            actors += [
                s.id
                for s in ss
                if trig_start <= s.start
                and s.end <= trig_end
                and s.id not in actors
                and (s.prev in self.party or self._envoy_of(s))
            ]
        dest, parties = -1, len(actors)
        for k in after:
            s = ss[k]
            if s.id in actors or k == said:
                continue
            if s.prev in self.agent and self._broker_agent(text, trig_end, s.start):
                brokers = brokers or self._group(ss, k, 1)  # "brokered by Egypt and Qatar"
                break
            if (
                s.prev in self.agent
                and s.start - trig_end < 12
                and not self._felt(text, trig_start, trig_end)
            ):
                # passive voice ("talks mediated by Qatar"): the agent acts on the subject
                if not symmetric:
                    targets = [a for a in actors if a not in targets] + targets
                actors = self._group(ss, k, 1) if not symmetric else actors + self._group(ss, k, 1)
                continue
            if s.prev in self.agent and not actors:
                actors = self._group(ss, k, 1)
                continue
            if (
                self._next(s) in self.participles
                and actors
                and _with_phrase(text, trig_end, s.start)
            ):
                actors.append(s.id)  # "X denied it, with spokeswoman Y saying ...": Y too
                continue
            if self._speaks(s) or self._next(s).startswith("-"):
                continue  # a speaker, or a name fused to a word after it ("X-brokered truce")
            if s.prev in self.subordinators or (
                text and self.clause_opener_re.search(text, trig_end, s.start)
            ):
                break  # "... hours before X arrived": X is in a clause of its own
            if symmetric and s.prev in self.party:
                if s.prev == "between" and text[trig_end : s.start].strip() == "between":
                    # "a meeting between X and Y": they are the parties, not who spoke of it
                    actors = self._group(ss, k, 1)
                else:
                    actors += self._group(ss, k, 1)
                break
            if s.prev in self.locative:
                if k == after[0] and (
                    s.prev == _last_word(text, trig_start, trig_end)
                    or text[trig_end : s.start].strip() == "from"  # (as split() == ["from"])
                ):
                    # the trigger governs it ("arrive in X", "an invitation from X")
                    dest = k
                elif s.prev in place_preps and dest < 0 and s.id.startswith("country:"):
                    dest = k
                continue  # ... unless a party is named ("arrived in X for talks with Y")
            if symmetric and s.prev == "to" and s.type == "GPE" and not s.id.startswith("country:"):
                continue  # a city travelled to ("went to Washington for talks with X")
            if not targets and not (text and self.speech_re.search(text, trig_end, s.start)):
                targets = self._group(ss, k, 1)  # not one named after "and said"
            break
        if dest >= 0 and not targets and len(actors) == parties:
            targets = self._group(ss, dest, 1)
        if not targets and not symmetric:
            # "X urged Y to act", "X accused Y of": the object of the verb before the trigger,
            # when nothing after it is aimed at
            objs = [k for k in before if ss[k].id not in actors and ss[k].prev in self.obj_verbs]
            targets = self._group(ss, objs[0], 1) if objs else []  # "called on X and Y to"
        if not actors and said >= 0:
            actors = [ss[said].id]  # "no call between X and Y is planned, Z said": X and Y act
        if actors and not symmetric and text:
            actors, targets = self._patient(ss, before, actors, targets, text, trig_start, trig_end)
        if before and _hyphen_between(text, ss[before[-1]].end, trig_start):
            # "Malaysia-brokered", "U.S.-led": the name fused to the trigger performs it
            actors = [ss[before[-1]].id]
            targets = [t for t in targets if t not in actors]
        elif accused_acts:
            actors, targets = self._accused(ss, before, actors, targets)
        if before and text and not symmetric:
            k = before[-1]
            if _first_word(text, ss[k].end, trig_start) == "to":
                group = self._group(ss, k, -1)
                if ss[k - len(group) + 1].prev in self.agent:
                    # "the decision by Norway to join the price cap": Norway joins it
                    actors = group[::-1]
                    targets = [t for t in targets if t not in actors]
        if brokers and not actors and not targets:
            actors = brokers  # the only names: better the brokers than no one
        actors = _unique(actors)
        if targets:
            own = _countries_of(ss, actors)  # "prompting Beijing to retaliate": not at China
            targets = [t for t in _unique(targets) if t not in actors and t not in own]
        return actors, targets

    def _felt(self, text: str, trig_start: int, trig_end: int) -> bool:
        """Whether the trigger ends in a word of feeling ("deeply concerned"), whose "by"
        names what it is felt about, not who acts."""
        if not self.feelings or not text:
            return False
        b, e = _word_before(text, trig_start, trig_end)
        return e > b and self._bare(text[b:e]) in self.feelings

    def _brokered(self, s: Slot, text: str, trig_start: int) -> bool:
        """The name is fused to a brokering participle that is not the trigger ("a
        Qatar-mediated truce"): the broker of the event, not a party to it."""
        at = s.end
        if not _hyphen_between(text, at, at + 1) or at + 1 == trig_start:
            return False
        return self._bare(_first_word(text, at + 1, at + 16)) in self.brokers

    def _broker_agent(self, text: str, lo: int, at: int) -> bool:
        """The agent at ``at`` follows a brokering participle after the trigger ("a truce,
        brokered by Egypt"): the trigger's own participle is not asked about."""
        if not text or at - lo < 4:
            return False
        b, e = _word_before(text, lo, at)  # "by"
        b, e = _word_before(text, lo, b)
        return e > b and self._bare(text[b:e]) in self.brokers

    def _rebuttal(
        self, ss: list[Slot], before: list[int], subj: list[int], text: str, trig_start: int
    ) -> tuple[list[str], list[str]] | None:
        """ "X accused Y of ..., a charge Z denied": Z, named right before the trigger (or before
        auxiliaries and adverbs only: ``rebuttal_gap_words``) after a noun for what was said
        or asked (``rebutted_nouns``), acts against the sentence's subject X."""
        if not before or not text:
            return None
        last = ss[before[-1]]
        if last.prev not in self.rebutted:
            return None
        gap = text[last.end : trig_start]
        if gap.strip() and not self.rebut_gap.issuperset(gap.lower().split()):
            return None  # ("a proposal Moscow has so far rejected": auxiliaries and adverbs)
        actors = [last.id]
        first = next((k for k in subj if k != before[-1]), -1)
        targets = [t for t in self._group(ss, first, 1) if t not in actors] if first >= 0 else []
        return actors, targets

    def _noun_words(self, text: str, lo: int, hi: int) -> bool:
        """One or two lower-case modifier words between a demonym and the trigger noun
        ("Chinese live-fire drills", "Russian drone attacks")."""
        words = text[lo:hi].split()
        skip = self.not_modifiers
        return 0 < len(words) <= 2 and all(
            w.replace("-", "").isalpha() and w.islower() and w not in skip for w in words
        )

    def _possessor(self, text: str, last: Slot, trig_start: int) -> bool:
        """'North Korea's latest missile launch': the name owns the trigger noun."""
        if not _possessive_at(text, last.end, trig_start):
            return False  # (most names are not: decided before the gap is cut out)
        gap = text[last.end : trig_start]
        if not gap.startswith(("'s ", "’s ")):
            return False
        if self._bare(_first_word(text, trig_start, trig_start + 16)) in self.preps:
            return False  # "removed Syria's central bank from its list": no noun of Syria's
        words = gap[3:].split()
        skip = self.not_modifiers
        return len(words) <= 2 and all(w.isalpha() and w.islower() and w not in skip for w in words)

    def _patient(
        self,
        ss: list[Slot],
        before: list[int],
        actors: list[str],
        targets: list[str],
        text: str,
        trig_start: int,
        trig_end: int,
    ) -> tuple[list[str], list[str]]:
        """'X faces / was hit with a U.S. tariff': X undergoes the event; a party named inside
        the trigger (or a passive agent already found) performs it."""
        subj = next((ss[k] for k in before if ss[k].id == actors[0]), None)
        pv = self.patient_re.search(text, subj.end, trig_end) if subj else None
        if subj is None or pv is None or self.boundary_re.search(text, subj.end, pv.start()):
            return actors, targets  # no patient verb, or it belongs to an embedded clause
        inside = [s.id for s in ss if trig_start <= s.start and s.end <= trig_end]
        undergo = [a for a in actors if a not in inside]
        return inside, undergo + [t for t in targets if t not in inside and t not in undergo]

    def _accused(
        self, ss: list[Slot], before: list[int], actors: list[str], targets: list[str]
    ) -> tuple[list[str], list[str]]:
        """'X accused Y of attacking': Y performs the event; X is its target if none is named."""
        acc = [k for k in before if ss[k].prev in self.accuse]
        if not acc:
            return actors, targets
        accused = self._group(ss, acc[-1], 1)
        rest = [t for t in targets if t not in accused]
        if rest or ss[acc[-1]].prev in self.credit:
            return accused, rest  # one thanked did it for, not to, the one thanking
        # the accuser's side suffered the act: a person accusing stands for his country
        home = {s.id: s.country for s in ss if s.type == "PERSON" and s.country}
        return accused, [home.get(a, a) for a in actors if a not in accused]


def _words_re(words: Iterable[str]) -> WordCues:
    """One precompiled, case-insensitive alternation of whole words (longest first)."""
    return WordCues(words)


# the non-ASCII letters a case-insensitive ``re`` pattern of an ASCII letter also matches
_CASE_TWINS = {"s": "ſ", "i": "ıİ", "k": "\u212a"}


def _first_chars(words: Iterable[str]) -> frozenset[str] | None:
    """Every character a case-insensitive match of one of the words may begin with; None
    where a word does not begin with an ASCII letter (no such shortcut then)."""
    out: set[str] = set()
    for w in words:
        c = w[:1].lower()
        if not (c.isascii() and c.isalpha()):
            return None
        out.update(c, c.upper(), _CASE_TWINS.get(c, ""))
    return frozenset(out)


def _appositive_end(text: str, comma: int, cands: list[Mention]) -> int:
    """End of a fronted phrase, past a place in apposition ("In the capital, Kyiv, X said")."""
    for m in cands:
        if m.start > comma >= 0 and m.entry.type == "GPE" and not text[comma + 1 : m.start].strip():
            if text.startswith(",", m.end):
                return m.end
        elif m.start > comma:
            break
    return comma


def _title_word(w: str, text: str, lo: int, at: int, tw: frozenset[str]) -> bool:
    """The word ``w`` (at ``at`` in ``text``, words before ``lo`` unseen) belongs to a title;
    'of' only inside one ("Secretary of State"): the word before it is read only then."""
    if w != "of":
        return w in tw
    b, e = _word_before(text, lo, at)
    before = text[b:e]
    return before != "" and before in tw and before[:1].isupper()


def _past_tense(w: str) -> bool:
    """A lower-case word read as a verb in the past ("killed", "hosted", "struck"), not a
    title word."""
    return (len(w) > 4 and w.endswith("ed") and w != "retired") or w in _IRREGULAR_PAST


# common irregular past forms: "Israel struck Hezbollah depots" is a clause, not a title
_IRREGULAR_PAST: Final = frozenset(
    {
        "struck",
        "hit",
        "shot",
        "sent",
        "took",
        "met",
        "held",
        "told",
        "fought",
        "beat",
        "won",
        "led",
        "fled",
        "broke",
        "blew",
        "drove",
        "threw",
        "swept",
        "overran",
        "sank",
        "bought",
        "sold",
        "caught",
        "brought",
        "stole",
        "spoke",
        "gave",
        "made",
        "sought",
        "upheld",
        "withheld",
        "shut",
        "cut",
        "slapped",
        "set",
        "put",
        "let",
        "began",
    }
)


def _space(c: int) -> bool:
    """Whether the character of code ``c`` is whitespace as ``str.split()`` sees it."""
    if c < 128:
        return c == 32 or 9 <= c <= 13 or 28 <= c <= 31
    return chr(c).isspace()


def _opening_punct(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi].strip()`` is one opening mark (a comma or a quote): a typed scan
    of character codes, where a slice, its stripped copy and a set look-up cost more."""
    while lo < hi and _space(ord(text[lo])):
        lo += 1
    while hi > lo and _space(ord(text[hi - 1])):
        hi -= 1
    return hi - lo == 1 and ord(text[lo]) in _OPENING_PUNCT


def _first_word(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi].split()[0]``, or "" where it holds no word (one string, not a list of
    every word: compiled, a typed scan of character codes)."""
    hi = min(hi, len(text))
    i = lo
    while i < hi and _space(ord(text[i])):
        i += 1
    j = i
    # (a printable ASCII character is no space: decided without a call, as most are)
    while j < hi and (32 < (c := ord(text[j])) < 128 or not _space(c)):
        j += 1
    return text[i:j]


def _word_before(text: str, lo: int, hi: int) -> tuple[int, int]:
    """(start, end) of the last word of ``text[lo:hi]`` as ``split()`` cuts it; an empty
    range where there is none."""
    j = hi
    while j > lo and _space(ord(text[j - 1])):
        j -= 1
    i = j
    while i > lo and (32 < (c := ord(text[i - 1])) < 128 or not _space(c)):
        i -= 1  # (as in _first_word: most characters decided without a call)
    return i, j


def _object_pronoun(text: str, end: int) -> bool:
    """ "him" right after the trigger ("to meet him"), or "her" where no noun follows it
    ("met her counterpart" is a possessive). A space and an "h" must come first: read as
    code points before the six characters are cut out and lower-cased (most triggers are
    followed by neither)."""
    if end + 1 >= len(text) or ord(text[end]) != 32 or ord(text[end + 1]) not in (72, 104):
        return False
    w = text[end : end + 6].lower()
    if w.startswith(" him") and not w[4:5].isalpha():
        return True
    return w.startswith(" her") and (w[4:5] in ("", ".", ",", ";", "!", "?", '"', "”"))


def _possessive_at(text: str, i: int, end: int) -> bool:
    """``text[i:end].startswith(("'s ", "’s "))``, read as code points (no slice)."""
    if end - i < 3 or i < 0 or i + 3 > len(text):
        return False
    o = ord(text[i])
    return (o == 39 or o == 0x2019) and ord(text[i + 1]) == 115 and ord(text[i + 2]) == 32


def _hyphen_between(text: str, i: int, end: int) -> bool:
    """``text[i:end] == "-"`` (a name fused to the trigger), read as a code point: no slice
    of what may be the rest of the sentence."""
    return end - i == 1 and 0 <= i < len(text) and ord(text[i]) == 45


def _after_verb(prev: str, verbs: frozenset[str]) -> bool:
    """The word before a name is a verb that takes it as object ("thanked", "urged")."""
    return prev in verbs or (len(prev) > 4 and prev.endswith("ed"))


def _verb_first(text: str, start: int, end: int) -> bool:
    """The trigger opens with a past-tense or participle verb ("brokered", "imposed")."""
    return _first_word(text, start, end).endswith("ed")  # ("" where it holds no word)


def _last_word(text: str, start: int, end: int) -> str:
    """The trigger's last word, lower-case (asked only of a place right after it; a trigger
    always holds a word)."""
    if not text:
        return ""
    b, e = _word_before(text, start, end)
    return text[b:e].lower()


def _same_side(speaker: Slot, subject: Slot) -> bool:
    """A named person speaking of his own country or its places."""
    return (
        speaker.type == "PERSON" and speaker.country is not None and subject.id == speaker.country
    )


def _with_phrase(text: str, lo: int, hi: int) -> bool:
    """Whether the name at ``hi`` is in a "with ..." phrase opened after ``lo`` (no comma
    between): "..., with navy spokeswoman Y saying"."""
    gap = text[lo:hi]
    w = gap.rfind(" with ")
    return w >= 0 and "," not in gap[w:]


def _describes(s: Slot, next_word: str) -> bool:
    """A possessive before a common noun ("Russia's largest oil company"): a description
    (``next_word``: the word after the slot's mention)."""
    if next_word not in ("s", "’s"):
        return False
    g = s.gap_next  # empty when no name follows in the sentence
    return not g or (g.startswith(("'s ", "’s ")) and g[3:4].islower())


def _of_country(ss: list[Slot], j: int) -> bool:
    """Slot j is a person followed by "of <country>" and a conjunct after that."""
    if ss[j].type != "PERSON" or j + 2 >= len(ss) or ss[j].gap_next not in (" of ", " from "):
        return False
    place = ss[j + 1]
    return place.type == "GPE" and place.gap_next.strip() in (",", "and", ", and")


def _unique(ids: list[str]) -> list[str]:
    """``list(dict.fromkeys(ids))``: each id once, first place kept. Compiled, a short list
    is checked by a loop (an event names few parties) rather than a dict built by a method
    called by name; a long one still by the dict, to stay linear."""
    if len(ids) > 8:
        return list(dict.fromkeys(ids))
    out: list[str] = []
    for x in ids:
        if x not in out:
            out.append(x)
    return out


def _countries_of(ss: list[Slot], ids: list[str]) -> list[str | None]:
    """The countries the slots named by ``ids`` are or belong to (a list: asked only whether
    it holds one, of an event's few parties; compiled, cheaper than a set)."""
    return [x.country for x in ss if x.id in ids]
