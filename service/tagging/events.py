"""Events: trigger matches per sentence, typed, with modality, roles and attributes."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Any, Final

from .classifier import MODEL_WEIGHT, SentenceModel, family
from .entities import Mention, sort_by_start
from .modality import CueSet, Modality, cue_firsts, month_may, prime_hits
from .patterns import Match, Matcher
from .roles import Roles, Slot, _first_word, _word_before
from .text import Span, Toks, word_bit

if TYPE_CHECKING:  # only in annotations: a machine integer to mypyc, a plain int as Python
    from mypy_extensions import i64


def _by_weight(m: Match) -> tuple[int, int]:
    return -m.weight, m.first


def _by_position(m: Match) -> tuple[int, str]:
    return m.first, m.etype


# how far (characters) a weak event's trigger reaches for goods of its own phrase: ahead of
# it ("a deal on steel and aluminium quotas") and behind it ("steel quota talks")
GOVERN_REACH: Final = 40
MODIFY_REACH: Final = 20
# words that end such a phrase: a conjunction may join another clause ("tariffs on oil and
# signed a gas deal")
_PHRASE_BREAKS: Final = frozenset(["and", "but", "or", "while", "whereas", "as"])
# marks that end a clause (typed as a tuple of any length: compiled, a loop over it reads
# items by index, where one over a fixed-length tuple goes through a generic iterator)
_CLAUSE_MARKS: Final[tuple[str, ...]] = (",", ";", ":", "—", "–", "(", ")")
# what parts the clauses whose rates and goods _clause_own_rates and _clause_own_goods compare
_JOINTS: Final = ";:—–"
_JOINING_WORDS: Final = frozenset(
    {"and", "but", "while", "whereas", "after", "as", "although", "though", "prompting"}
)
_NUM = r"(\d{1,3}(?:\.\d{1,2})?)"
_PCT = r"\s?(?:%|percent\b|per cent\b)"
_RATE_RE: Final = re.compile(
    _NUM + r"(" + _PCT + r")?(?:\s?(?:to|-|–|and|or)\s?" + _NUM + r")?" + _PCT
)


# an event's keys, in the order of its record
_EVENT_KEYS: Final = (
    "id",
    "type",
    "field",
    "sentence",
    "trigger",
    "actors",
    "targets",
    "attributes",
    "modality",
    "confidence",
    "cameo",
    "plover",
)

# EventFinder._bits: a sentence holds a word of org_nouns ("the group"), ref_nouns ("the
# deal"), mod_words (modality cues), off_topic, on_topic or domestic
# (Final: compiled, constants rather than module-dict look-ups)
_ORG_NOUN: Final = 1
_REF_NOUN: Final = 2
_MOD_WORD: Final = 4
_OFF_TOPIC: Final = 8
_ON_TOPIC: Final = 16
# (``_bits`` only) the first word of a cue of some CueSet (``modality.cue_firsts``)
_CUE_FIRST: Final = 32
_DOMESTIC: Final = 64
_LABEL_VERB: Final = 128  # "called", "branded": a quoted label may follow (_scare_label)
_TOPICAL: Final = _OFF_TOPIC | _ON_TOPIC | _DOMESTIC
_PLACED: Final = _TOPICAL | _REF_NOUN  # (where these stand, _bits notes)

# the weight of a match that only names an earlier event again ("the deal"): its parties are
# that event's, whoever the sentence names
REFERENCE: Final = 0
# nouns of a series: they name talks again unless a series of something else
_ROUNDS = frozenset({"round", "rounds", "session", "sessions"})

# attacks a truce trigger's own words name are the attacks to be halted ("a pause in the
# fighting", "a halt to strikes on energy sites"), not one more attack
_ESCALATION: Final = "MILITARY_ESCALATION"
_TRUCE: Final = "CEASEFIRE"
_CONTACT: Final = "DIPLOMATIC_CONTACT"
_CRITICISM: Final = "CRITICISM"
_TALKS: Final = "PEACE_TALKS"

# the future of a dated plan: "will impose duties from July 1", and in reported speech "said it
# would require licences from May 1"
_WILL: Final = frozenset({"will", "would"})
_PERFECT: Final = frozenset({"had", "has", "have"})  # in a trigger: a done act
_SUBJECTS: Final = frozenset({"it", "they", "which", "that"})  # open a relative clause
_CLAUSE_SUBJECTS: Final = _SUBJECTS | {"he", "she", "we"}  # a plan before one is another's

# a withheld event's modality (``withheld_by``): "will stay in place" is relief that does not
# come, "will not stay in place" relief that does; a hypothetical stays hypothetical
_WITHHELD: Final = {"asserted": "negated", "negated": "asserted"}

# confidence by (pattern weight, hypothetical): round() per event is measurably slow
_CONF: Final[dict[tuple[int, bool], float]] = {}


def _builtin_sha1() -> Any:
    """CPython's own SHA-1 (``_sha1``) where the build has it, else hashlib's: the same
    digests, with about a third fewer instructions per event id (hashlib's OpenSSL one sets
    up an EVP context per hash and copies it for the digest)."""
    try:
        import _sha1
    except ImportError:  # a build without the built-in hashes
        return hashlib.sha1
    return _sha1.sha1


_SHA1: Final = _builtin_sha1()


def _lowered(cues: dict[str, Any], name: str) -> frozenset[str]:
    """A cue list of the rules, lower-cased, as a set (empty where the rules have none)."""
    return frozenset(w.lower() for w in cues.get(name, []))


def _num(s: str) -> float | int:
    f = float(s)
    return int(f) if f.is_integer() else f


_RATE_MARKS: Final[tuple[str, ...]] = ("%", "percent", "per cent")  # (see _CLAUSE_MARKS)
# The longest stretch of a rate before its first mark: "123.45 and 123.45 " (18)
_RATE_LEAD: Final = 32


def _rate_window(text: str) -> tuple[int, int]:
    """Where _RATE_RE can match: from a little before the first "%" / "percent" / "per cent"
    to one character past the last (which "percent\\b" looks at), or (0, -1) for none. A rate
    ends with a mark, so the scan need not try every position of the sentence before it;
    no match can start earlier or end later, and the finditer results stay the same."""
    first, last = len(text), -1
    for mark in _RATE_MARKS:
        i = text.find(mark)
        if i >= 0:
            first = min(first, i)
            last = max(last, text.rfind(mark) + len(mark))
    if last < 0:
        return 0, -1
    return max(0, first - _RATE_LEAD), min(len(text), last + 1)


def rates(
    text: str, before: frozenset[str] = frozenset(), after: frozenset[str] = frozenset()
) -> list[float | int]:
    """Percentages and ranges of a sentence that may be tariff rates: not market moves
    ("shares fell 3%"), shares or stakes ("80% of its exports") by the word either side."""
    lo, hi = _rate_window(text)
    if hi < 0:
        return []  # every rate ends in "%", "percent" or "per cent": no regex scan
    return _rates_in(text, lo, hi, before, after)


def _rates_in(
    text: str, lo: int, hi: int, before: frozenset[str], after: frozenset[str]
) -> list[float | int]:
    """:func:`rates` of the matches of ``_RATE_RE`` within text[lo:hi] (each match's span
    and groups read by one call each: compiled, a Match method call is a generic one)."""
    out: list[float | int] = []
    for m in _RATE_RE.finditer(text, lo, hi):
        s, e = m.span()
        prev = text[max(0, s - 20) : s].split()[-1:]
        nxt = text[e : e + 20].split()[:1]
        if (prev and prev[0].lower() in before) or (nxt and nxt[0].lower().strip(",.") in after):
            continue
        for g in m.group(1, 3):
            if g is not None:
                v = _num(g)
                if v not in out:
                    out.append(v)
    return out


class _Context:
    """What one field's earlier sentences tell later ones (antecedents, parties, sides)."""

    __slots__ = (
        "antecedent",
        "article",
        "countries",
        "first_sides",
        "history",
        "leaders",
        "modelled",
        "parties",
        "pending",
        "shared",
        "sides",
        "sides_rank",
        "stems",
        "wide",
        "wide_bit",
    )

    def __init__(self, countries: dict[str, str | None], wide: frozenset[str], bit: i64) -> None:
        self.countries = countries
        self.article: list[list[Toks]] = []  # the tokens of the article's fields
        self.wide = wide  # the words ``if_article`` patterns ask for
        self.wide_bit: i64 = bit  # their bit in the tokens' cue bits (0: none)
        self.stems: frozenset[str] | None = None
        # the article's stems once built, for the other field's call (see EventFinder.find)
        self.shared: list[frozenset[str]] = []
        # the first person named of each country: whom "the two leaders" are
        self.leaders: dict[str, str] = {}
        self.antecedent: list[str] = []
        self.parties: list[str] = []  # the sides of the last two-sided event ("both sides")
        self.sides: list[str] = []  # the last two opposed parties, persons as their country
        self.sides_rank = 0
        self.first_sides: list[str] = []  # the first two opposed parties the field set up
        self.pending: list[dict[str, Any]] = []  # events waiting for sides set up later
        self.history: list[tuple[str, list[str], list[str]]] = []  # (type, actors, targets)
        self.modelled: list[str] = []  # the ids of the events the sentence model made

    def set_sides(self, ids: list[str], rank: int = 1) -> None:
        """Two distinct opposed parties (countries where persons are named) become the sides;
        a person whose country is unknown cannot be a side. A weaker kind of event (a meeting,
        rank 1) does not replace sides set up by a stronger one (fighting, a truce)."""
        sides: list[str] = []  # distinct, in order (a typed loop: no generator object)
        for x in ids:
            c = self.country_of(x)
            if c not in sides:
                sides.append(c)
        if (
            len(sides) == 2
            and rank >= self.sides_rank
            and not any(x.startswith("person:") for x in sides)
        ):
            self.sides, self.sides_rank = sides, rank
            self.first_sides = self.first_sides or sides

    def last_actors(self, etype: str) -> list[str]:
        """Actors of the last event of this type that named two or more, else of the last
        that named any, else the last parties."""
        acts = self.last_parties(etype)
        if len(acts) >= 2:
            return acts
        return self.last_named(etype) or acts

    def last_named(self, etype: str) -> list[str]:
        """Actors of the last event of this type that named any, else []."""
        recent = reversed(self.history[-HISTORY_REACH:])
        return next((a for t, a, _ in recent if t == etype and a), [])

    def last_parties(self, etype: str) -> list[str]:
        """Actors of the last event of this type that named two or more, else the last parties."""
        for t, acts, _ in reversed(self.history[-HISTORY_REACH:]):
            if t == etype and len(acts) >= 2:
                return acts
        return self.parties

    def learn(self, ms: list[Mention], text: str, titles: tuple[str, ...]) -> None:
        """Note each country's first person named with a leader's title ("President X")."""
        for m in ms:
            e = m.entry
            if e.type == "PERSON" and text[max(0, m.start - 24) : m.start].endswith(titles):
                c = self.countries.get(e.id)
                if c and c not in self.leaders:
                    self.leaders[c] = e.id

    def article_stems(self) -> frozenset[str]:
        """The article's stems that ``if_article`` patterns ask for (built once, when one
        asks): all they test is whether it holds one of theirs, so a look-up per token in
        their few words replaces an insert per token into a set of every stem (compiled, this
        typed loop costs less than ``frozenset.intersection`` of a list), or a bit test per
        token where the tokens' cue bits have ``wide_bit``."""
        if self.stems is None and self.shared:
            self.stems = self.shared[0]  # another field built them from the same tokens
        if self.stems is None:
            wide = self.wide
            bit: i64 = self.wide_bit
            found: set[str] = set()
            for field in self.article:
                for t in field:
                    stems = t.stems
                    masks = t.word_masks() if bit else None
                    if masks is None:
                        for st in stems:
                            if st in wide:
                                found.add(st)
                        continue
                    first: i64 = t.first
                    for i in range(len(stems)):
                        m: i64 = masks[first + i]
                        if m & bit:
                            found.add(stems[i])
            self.stems = frozenset(found)
            self.shared.append(self.stems)
        return self.stems

    def country_of(self, eid: str) -> str:
        """A person, capital or government body stands for its country when sides are
        compared; others keep their id."""
        if eid.startswith("country:"):
            return eid
        return self.countries.get(eid) or eid


class _Type:
    """One event type's rule settings, looked up once (not per event) from its rule data."""

    __slots__ = (
        "accused",
        "cameo",
        "clause_rates",
        "commodity",
        "conventions",
        "fixed_modality",
        "forum_free",
        "from_acts",
        "future_type",
        "hedges",
        "home_government",
        "hosted",
        "judges",
        "key",
        "mutual",
        "named_acts",
        "needs_party",
        "negators",
        "objects",
        "opposes",
        "owner_acts",
        "pending",
        "place_targets",
        "plover",
        "policy",
        "priority",
        "rate",
        "rebuts",
        "refer_back",
        "sides_rank",
        "symmetric",
        "template",
        "warner",
        "withheld_by",
    )

    def __init__(self, d: dict[str, Any], negators: CueSet | None) -> None:
        roles = d.get("roles", {})
        wanted = d.get("attributes", [])
        self.priority: int = d.get("priority", 3)
        self.symmetric = bool(d.get("symmetric"))
        self.fixed_modality: str | None = d.get("fixed_modality") or None
        self.hedges = d.get("hedge_makes_hypothetical", True)
        self.negators = negators
        # words that, opening the trigger, make it the event withheld ("stay in place")
        self.withheld_by = frozenset(w.lower() for w in d.get("withheld_by", []))
        self.future_type: str | None = d.get("future_type") or None
        self.accused = bool(roles.get("accused_acts"))
        self.judges = bool(roles.get("speaker_judges"))
        self.place_targets = frozenset(roles.get("place_targets", []))
        # the rejected object's noun -> the types of event it names (their actor is the target)
        self.objects: dict[str, tuple[str, ...]] = {
            k.lower(): tuple(v) for k, v in roles.get("object_types", {}).items()
        }
        self.warner = bool(roles.get("warner_acts"))
        self.opposes = bool(roles.get("opposes"))
        self.owner_acts = bool(roles.get("owner_acts"))
        self.rebuts = bool(roles.get("rebuts"))
        # "X and Y trade blame": phrases near the trigger by which its parties act on each other
        self.mutual = CueSet(roles["mutual"]) if roles.get("mutual") else None
        self.from_acts = bool(roles.get("from_acts"))
        self.hosted: str = roles.get("hosted", "")
        self.refer_back = bool(roles.get("refer_back"))
        self.policy: dict[str, Any] | None = d.get("roles")
        self.pending = roles.get("fallback_targets") == "sides"
        self.needs_party = bool(roles.get("needs_party"))
        self.named_acts = bool(roles.get("named_acts"))
        self.forum_free = bool(roles.get("forum_free"))
        self.home_government = bool(roles.get("home_government"))
        self.sides_rank = int(roles.get("sides", 0))
        self.rate = "rate_pct" in wanted
        self.clause_rates = bool(d.get("clause_rates"))
        self.commodity = "commodity" in wanted
        self.cameo = d["cameo"]
        self.plover = d["plover"]
        # an int per distinct set of role conventions, the type's name encoded for event
        # ids (both set by EventFinder.__init__)
        self.conventions = 0
        self.key = b""
        # an event of the type, its keys in the order events have them: an event is a copy
        # with the rest set (compiled, a copy and setting existing keys cost less than
        # building a dict of twelve)
        self.template: dict[str, Any] = {}


class EventFinder:
    def __init__(self, rules: dict[str, Any], title_words: frozenset[str]) -> None:
        self.types: dict[str, Any] = rules["event_types"]
        cues = rules["cues"]
        self.matcher = Matcher(self.types, _lowered(cues, "gap_stops"))
        self.model = SentenceModel(
            rules.get("sentence_model", {}), frozenset(self.types), self.matcher.anchored
        )
        # a type's family, the part of its name before "_" (TARIFF, SANCTIONS): only a
        # stronger type of the same family takes a match's words (_resolve)
        self._family = {t: family(t) for t in self.types}
        # words that end the clause a future cue must stand in (_planned)
        self._clause_stops = self.matcher.stops | _CLAUSE_SUBJECTS
        self.modality = Modality(cues)
        self.future = CueSet(cues.get("future", []))
        self.urging = CueSet(cues.get("urging", []))
        # "ready to host talks", "offered to host a meeting": the talks offered are not held
        self.host_offers = CueSet(cues.get("host_offers", []))
        # "will now require", "will immediately impose": in force, not a plan
        self.in_force = CueSet(cues.get("in_force", []))
        # "will impose duties from July 1": a dated start makes the plan a decided act
        self.schedule_openers = CueSet(cues.get("schedule_openers", []))
        self.date_words = _lowered(cues, "date_words")
        self.decided_verbs = _lowered(cues, "decided_verbs")
        self.plan_speech = _lowered(cues, "plan_speech")
        self.said_words = _lowered(cues, "reported_speech")
        self.person_pronouns = _lowered(cues, "pronoun_person")
        # "the Tbilisi talks": nouns a place or people's name may stand before, naming an
        # event again
        self.named_ref_nouns = _lowered(cues, "named_reference_nouns")
        self.venue_nouns = _lowered(cues, "venue_nouns")
        self.talk_nouns = _lowered(cues, "talk_nouns")
        self.verb_forms = _lowered(cues, "verb_forms")
        self.truce_words = _lowered(cues, "truce_words")
        # story_talks: the kind of story ("goods", "conflict") -> the type its talks are too
        self.story_types = {
            d.get("story_talks") or "goods": t
            for t, d in self.types.items()
            if d.get("story_talks") or d.get("peacetime_talks")  # (the older name)
        }
        # "X offered to host the talks": the host is no party to them
        self.venue_hosts = _lowered(cues, "venue_hosts")
        # words between a venue and its meeting noun ("Geneva peace talks")
        self.venue_modifiers = _lowered(cues, "venue_modifiers")
        # a collective phrase after one of these is an object, not who acts ("ties to the two
        # governments"; "commanders from both sides" still act)
        self.object_preps = _lowered(cues, "collective_object_preps")
        self.negators = {
            t: CueSet(d["negators"]) for t, d in self.types.items() if d.get("negators")
        }
        self.spec = {t: _Type(d, self.negators.get(t)) for t, d in self.types.items()}
        # (story_talks) types that make a story one of conflict: those that set up two
        # sides, and mediation between them; and types that take goods: trade and its kin
        self._conflict = frozenset(
            t for t, ty in self.spec.items() if ty.sides_rank >= 2 or ty.pending
        )
        self._goods = frozenset(t for t, ty in self.spec.items() if ty.commodity)
        # types that pass roles.assign the same conventions share a number: a sentence's
        # cache of assign results is keyed by ints, not by a tuple of the settings
        conventions: dict[tuple[Any, ...], int] = {}
        for ty in self.spec.values():
            how: tuple[Any, ...] = (ty.symmetric, ty.accused, ty.judges, ty.place_targets)
            how += (ty.warner, ty.hosted, ty.rebuts)
            ty.conventions = conventions.setdefault(how, len(conventions))
        for t, ty in self.spec.items():
            ty.key = t.encode("utf-8", "surrogatepass")
            ty.template = dict.fromkeys(_EVENT_KEYS)
            ty.template.update(type=t, cameo=ty.cameo, plover=ty.plover)
        # a plan's type -> the act's ("TARIFF_THREAT" -> "TARIFF_ACTION"): the reverse of
        # ``future_type``, for plans given a start date
        self.decided = {s.future_type: t for t, s in self.spec.items() if s.future_type}
        # first words of every modality cue: a sentence with none of them is all "asserted"
        self.mod_words = self.modality.first_words().union(
            *(c.keys for c in self.negators.values())
        )
        self.roles = Roles(cues, title_words)
        self.collective = CueSet(cues.get("collective_parties", []))
        self._coll_cache: tuple[object, list[int]] = (None, [])
        self.threat = CueSet(cues.get("threat_verbs", []))
        self.collective_sides = CueSet(cues.get("collective_sides", []))
        self.collective_leaders = CueSet(cues.get("collective_leaders", []))
        self.leader_titles = tuple(t + " " for t in cues.get("leader_titles", []))
        self.ref_dets = _lowered(cues, "reference_determiners")
        self.forums = frozenset(cues.get("forum_bodies", []))
        self.home_objects = tuple(w.lower() + " " for w in cues.get("home_government_objects", []))
        self.pronouns = CueSet(cues.get("pronouns", []))
        self.org_anaphora = CueSet(cues.get("org_anaphora", []))
        self.fresh_nouns = _lowered(cues, "fresh_act_nouns")
        # words of sport, technology, weather and markets vs words of politics and trade: an
        # article full of the first and short of the second reports no geopolitical event
        self.off_topic = _lowered(cues, "off_topic_words")
        self.on_topic = _lowered(cues, "on_topic_words")
        # and words of labour disputes and courts: a strike's "talks", a judge "rejecting" a
        # motion, a firm that "declined to comment"
        self.domestic = _lowered(cues, "domestic_words")
        self.on_topic_blockers = _lowered(cues, "on_topic_blockers")
        self.commercial_heads = _lowered(cues, "commercial_heads")
        # their last words ("group"): a sentence with none of them holds no such phrase
        self.org_nouns = frozenset(p.split()[-1].lower() for p in cues.get("org_anaphora", []))
        self.possessives = _lowered(cues, "possessive_determiners")
        # nouns that name an earlier event again, and the types they may refer to
        self.reference_types: dict[str, list[str]] = {
            w.lower(): ts for w, ts in rules.get("event_references", {}).items()
        }
        self.ref_nouns = frozenset(self.reference_types)
        self.ref_adjectives = _lowered(cues, "reference_adjectives")
        # nouns as general as "the decision" name an earlier act only where it is welcomed
        self.reception_nouns = _lowered(cues, "reception_nouns")
        self.reception_verbs = _lowered(cues, "reception_verbs")
        self.appeal_nouns = _lowered(cues, "appeal_nouns")
        self.appeal_verbs = _lowered(cues, "appeal_verbs")
        # "a moratorium on strikes", "if Russia halted its strikes": the thing to be ended
        self.reference_enders = _lowered(cues, "reference_enders")
        # "called the sanctions “economic banditry”": a label in quotes after a verb of naming
        # and its object is a judgement, unless a word of it praises, denies or reports
        # ("a first step", "baseless", "under review")
        self.label_verbs = _lowered(cues, "label_verbs")
        self.label_objects = _lowered(cues, "label_objects")
        self.label_blockers = _lowered(cues, "label_blockers")
        self.rate_before = _lowered(cues, "rate_blockers_before")
        self.rate_after = _lowered(cues, "rate_blockers_after")
        # the cue lists every sentence is checked against, by word: one look-up per token
        self.word_bits: dict[str, int] = {}
        for bit, words in (
            (_ORG_NOUN, self.org_nouns),
            (_REF_NOUN, self.ref_nouns),
            (_MOD_WORD, self.mod_words),
            (_OFF_TOPIC, self.off_topic),
            (_ON_TOPIC, self.on_topic),
            (_DOMESTIC, self.domestic),
            (_LABEL_VERB, self.label_verbs),
        ):
            for w in words:
                self.word_bits[w] = self.word_bits.get(w, 0) | bit
        # word_bits with _CUE_FIRST added for the first words of every cue (``_bits``),
        # built for the cue_firsts() it holds (rebuilt should a later CueSet add some)
        self._firsts: frozenset[str] | None = None
        self._word_cues: dict[str, int] = {}
        self._cued: frozenset[str] = frozenset()  # its words
        self._cued_bit: i64 = 0  # their bit in the tokens' cue bits (see text.word_bit), or 0

    def find(
        self,
        article_id: str,
        field: str,
        text: str,
        sents: list[Span],
        all_toks: list[Toks],
        mentions: list[Mention],
        sides: list[str] | None = None,
        topic: list[int] | None = None,
        article: list[list[Toks]] | None = None,
        stems: list[frozenset[str]] | None = None,
        modelled: list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Events of one field (``all_toks``: its sentences' tokens). ``sides``: the article's
        two opposed sides as found elsewhere (the body's, for the title); an empty list is
        filled with this field's first sides.
        ``topic``: [off-topic, on-topic, domestic] cue words counted per sentence are added
        to it.
        ``article``: the other field's tokens (the body's, for the title).
        ``stems``: a list the calls for an article's fields share, in which the first that
        needs the stems of all its fields (``all_toks`` and ``article``, the same tokens
        for each call) leaves them for the others.
        ``modelled``: the ids of the events the sentence model made are added to it."""
        events: list[dict[str, Any]] = []
        mi = 0
        ctx = _Context(
            {m.entry.id: m.entry.country for m in mentions if m.entry.country},
            self.matcher.wide_words,
            self.matcher.wide_bit,
        )
        if sides and len(sides) == 2:
            ctx.sides = list(sides)
        last_org: Mention | None = None  # what "the group" stands for
        skip_ids = self.roles.skip_ids
        stateless = any(m.entry.type == "PERSON" and not m.entry.country for m in mentions)
        ctx.article = [all_toks] + (article or [])
        # an event's id hashes "{article_id}\0{type}\0{field}\0{start}\0{end}" as UTF-8: the
        # parts encoded once (per field, type and sentence), joined as bytes per event
        head = (article_id + "\x00").encode("utf-8", "surrogatepass")
        if stems is not None:
            ctx.shared = stems
        counted = topic is not None and bool(self.off_topic)
        off = on = dom = 0  # off-topic, on-topic and domestic cue words, summed over sentences
        # per sentence, where its topic cue words and reference nouns stand (_bits)
        places: list[int] = []
        for sent, toks in zip(sents, all_toks, strict=True):
            while mi < len(mentions) and mentions[mi].start < sent.start:
                mi += 1
            mj = mi
            while mj < len(mentions) and mentions[mj].end <= sent.end:
                mj += 1
            ms = mentions[mi:mj]
            found: list[dict[str, Any]] = []
            bits = self._bits(toks, places)
            if counted and bits & _TOPICAL:
                off_n, on_n, dom_n = self._topic_counts(text, toks, places)
                off, on, dom = off + off_n, on + on_n, dom + dom_n
            if len(toks):
                if stateless:  # a person of no known country may be named with one here
                    _learn_countries(ctx, ms, text, self.roles.title_words)
                named = ms
                if bits & _ORG_NOUN:
                    named = self._anaphors(toks, ms, last_org)
                found = self._sentence(head, field, text, sent, toks, named, ctx, bits, places)
                events.extend(found)
            places.clear()
            self._remember(ctx, found, ms)
            for m in reversed(ms):  # (one look per mention over the field: linear)
                if m.entry.type == "ORG" and m.entry.id not in skip_ids:
                    last_org = m
                    break
        if topic is not None and counted:
            topic[0] += off
            topic[1] += on
            topic[2] += dom
        if sides is not None and not sides and ctx.first_sides:
            sides.extend(ctx.first_sides)
        if modelled is not None:
            modelled.extend(ctx.modelled)
        for ev in ctx.pending:
            # a mediation before the article set up its sides ("X offered to mediate")
            if not ev["targets"] and ctx.first_sides:
                ev["targets"] = self._sides_targets(ev["actors"], ctx, ctx.first_sides)
        spec = self.spec
        return [e for e in events if e["actors"] or e["targets"] or not spec[e["type"]].needs_party]

    def _said_by_pronoun(self, lows: list[str], last: int) -> bool:
        """Whether a person's pronoun and a speech verb follow the trigger ("'This is a
        blatant violation,' he said"): the quote is the antecedent's."""
        for j in range(last + 1, len(lows) - 1):
            if lows[j] in self.person_pronouns and lows[j + 1] in self.said_words:
                return True
        return False

    def _planned(self, lows: list[str], lo: int, hi: int, urged: bool = False) -> bool:
        """A future cue before the trigger in its clause ("will impose"), not one of another
        clause ("vows retaliation after X raises tariffs", "will respond and on Friday it
        imposed": a subject opens a clause) nor an in-force one ("will now", or the trigger's
        own "would keep the duties in place"); ``urged``: an urging cue ("urged the EU to
        follow suit and blacklist")."""
        stops = self._clause_stops
        for j in range(hi - 1, lo - 1, -1):
            if lows[j] in stops:
                lo = j + 1
                break
        cues = self.urging if urged else self.future
        return cues.any_in(lows, lo, hi) and not self.in_force.any_in(lows, lo, hi + 1)

    def _scheduled(self, lows: list[str], first: int, last: int, stop: int) -> bool:
        """A decided act given a start date in its clause ("will impose duties from July 1",
        "starting Friday"): the trigger, or the words just before it, names the act itself
        (impose, raise, list, not consider or urge), and no condition, vow or threat is in
        the sentence."""
        n = len(lows)
        if self.decided_verbs.isdisjoint(lows[max(0, first - DECIDED_REACH) : last + 1]):
            return False  # (the verb may stand before a trigger on the measure's rate)
        dates, said = self.date_words, self.said_words
        for j in range(last + 1, min(stop, n) - 1):
            k = self.schedule_openers.at(lows, j)
            if k and j + k < n and lows[j + k] in dates:
                break
            if (
                lows[j] == "on"
                and lows[j + 1] in dates
                and j + 2 < n
                and lows[j + 2].isdigit()
                and lows[j - 1] not in said  # "on January 1", not "said on March 4"
            ):
                break
        else:
            return False
        return not (
            self.modality.cond.any_in(lows, 0, n)
            or self.threat.any_in(lows, 0, n)
            or not self.plan_speech.isdisjoint(lows)
        )

    def _topic_counts(self, text: str, toks: Toks, places: list[int]) -> tuple[int, int, int]:
        """A sentence's distinct off-topic cue words, its distinct political ones not
        counting those a commercial word modifies ("price war", "data tariffs"), and its
        distinct domestic ones written in lower case or opening the sentence (a "union" on
        strike, not the European Union), from where its topic words stand (among
        ``places``, found by _bits: no second pass over the tokens)."""
        table, blockers = self._word_cues, self.on_topic_blockers
        lows, starts = toks.lows, toks.starts
        offs: set[str] = set()
        ons: set[str] = set()
        doms: set[str] = set()
        for i in places:
            w = lows[i]
            b = table[w]
            if b & _OFF_TOPIC:
                offs.add(w)
            if b & _ON_TOPIC and (i == 0 or lows[i - 1] not in blockers):
                ons.add(w)
            if b & _DOMESTIC and (i == 0 or text[starts[i]].islower()):
                doms.add(w)
        return len(offs), len(ons), len(doms)

    def _bits(self, toks: Toks, places: list[int]) -> int:
        """Which cue lists a sentence holds words of (the _ORG_NOUN ... _ON_TOPIC bits): one
        set look-up per token, shared by the five checks that each took one per token, and
        by the modality cues' places (``modality.prime_hits``: their own pass is saved) and
        the topic counts and references (``places``: where off- and on-topic words and
        reference nouns stand is added to it). Where the tokens carry cue bits, a bit test
        per token finds the cued words in place of a set look-up per token."""
        firsts = cue_firsts()
        if firsts is not self._firsts:
            self._cue_table(firsts)
        lows = toks.lows
        masks = toks.word_masks() if self._cued_bit else None
        bits = 0
        hits: list[int] = []
        if masks is None:
            cued = self._cued
            for i in range(len(lows)):
                if lows[i] in cued:  # (a set look-up costs less than dict.get; few are)
                    bits |= self._cue_at(lows, i, hits, places)
        else:
            # a cued word's bits are kept on the token's word in the tokeniser's table
            # (``Toks.kept``): looked up once per word, not per token
            bit: i64 = self._cued_bit
            first: i64 = toks.first
            kept = toks.kept
            table = self._word_cues
            for i in range(len(lows)):
                m: i64 = masks[first + i]
                if m & bit:
                    kw = kept[first + i] if kept is not None else None
                    if kw is None:
                        bits |= self._cue_at(lows, i, hits, places)
                        continue
                    if kw.cued_in is not table:
                        kw.cued = table[lows[i]]
                        kw.cued_in = table
                    bits |= self._cue_at(lows, i, hits, places, kw.cued)
        prime_hits(lows, firsts, hits)
        return bits & ~_CUE_FIRST

    def _cue_at(
        self, lows: list[str], i: int, hits: list[int], places: list[int], b: int = -1
    ) -> int:
        """The cue bits of token i, a cued word (``b``, where known), noted in ``hits`` and
        ``places``."""
        if b < 0:
            b = self._word_cues[lows[i]]
        if b & _CUE_FIRST:
            hits.append(i)
        if b & _PLACED:
            places.append(i)
        return b

    def _cue_table(self, firsts: frozenset[str]) -> None:
        """``word_bits`` with _CUE_FIRST for each word of ``firsts`` (see ``_bits``)."""
        table = dict(self.word_bits)
        for w in firsts:
            table[w] = table.get(w, 0) | _CUE_FIRST
        self._word_cues = table
        self._cued = frozenset(table)
        self._cued_bit = word_bit(self._cued)
        self._firsts = firsts

    def _anaphors(self, toks: Toks, ms: list[Mention], org: Mention | None) -> list[Mention]:
        """``ms`` with "the group" / "the movement" standing for the organisation named last
        before it (``org``: the last before this sentence); a role candidate only, no entity
        mention is emitted for it. One pass over the sentence's mentions."""
        skip = self.roles.skip_ids
        lows, st, en = toks.lows, toks.starts, toks.ends
        out = list(ms)
        k, prev = 0, None  # mentions starting before the phrase; the last of them
        for i in self.org_anaphora._positions(lows):
            n = self.org_anaphora.at(lows, i)
            if not n or _of_name(toks, i + n):
                continue  # "the Group of Seven" names another
            a, b = st[i], en[i + n - 1]
            while k < len(ms) and ms[k].start < b:
                prev = ms[k]
                if prev.end <= a and prev.entry.type == "ORG" and prev.entry.id not in skip:
                    org = prev  # the nearest organisation named before it
                k += 1
            if prev is not None and prev.end > a:
                continue  # the phrase is part of a name
            if org is not None:
                out.append(Mention(org.field, a, b, org.text, org.entry))
        sort_by_start(out)
        return out

    def _remember(self, ctx: _Context, found: list[dict[str, Any]], ms: list[Mention]) -> None:
        """Carry forward what later sentences may refer back to."""
        for e in found:
            if len(e["actors"]) >= 2 and self.spec[e["type"]].symmetric:
                ctx.parties = list(e["actors"])
        for e in found:  # the first person acting in an event of the sentence
            ids: list[str] = e["actors"]  # (typed: compiled, startswith is then a direct call)
            for a in ids:
                if a.startswith("person:"):
                    ctx.antecedent = [a]
                    return
        # else the first person named: the subject if that is a person (the first named
        # person, organisation or place), else the first person all the same; typed loops,
        # no generator objects
        for m in ms:
            if m.entry.type == "PERSON":
                ctx.antecedent = [m.entry.id]
                return

    def _sentence(
        self,
        head: bytes,
        field: str,
        text: str,
        sent: Span,
        toks: Toks,
        ms: list[Mention],
        ctx: _Context,
        bits: int,
        places: list[int],
    ) -> list[dict[str, Any]]:
        """Events of one sentence (``bits``: the cue lists it holds words of, and ``places``:
        where some stand, see _bits; ``head``: the article's id and a NUL, encoded, the start
        of each event id's key)."""
        goods = [x for x in ms if x.entry.type == "COMMODITY"]
        found = self.matcher.find(toks, ctx.article_stems, bool(goods))
        for m in found:
            if self._void(toks.lows, m):
                found = [x for x in found if not self._void(toks.lows, x)]
                break
        matches = self._resolve(found)
        if ctx.history and bits & _REF_NOUN:
            matches = self._references(toks, ms, ctx, matches, places)
        if bits & _LABEL_VERB and _CRITICISM in self.spec:
            matches = self._scare_label(text, toks, matches)
        if self.model.on:  # what no rule foresaw: the types the sentence model adds
            guessed = self.model.matches(toks.stems, matches, toks.kept, toks.first)
            if guessed:
                matches = _in_order(matches + guessed)
        if not matches:
            ctx.learn(ms, text, self.leader_titles)  # "the two leaders" may name them later
            return []
        st, en, lows = toks.starts, toks.ends, toks.lows
        breaks = _clause_breaks(text, sent.start, sent.end, st)
        ss = self.roles.slots(text, sent.start, sent.end, ms)
        for x in ss:  # a person's country learnt from a modifier ("Thai army spokesman X")
            if x.country and x.type == "PERSON" and x.id not in ctx.countries:
                ctx.countries[x.id] = x.country
        ctx.learn(ms, text, self.leader_titles)
        s0, s1 = sent
        stext = text[s0:s1]
        spec = self.spec
        out: dict[str, dict[str, Any]] = {}
        role_cache: dict[tuple[int, int, int, bool], tuple[list[str], list[str]]] = {}
        starts: list[int] = []  # each event's trigger start and type, for the final sort
        tail: bytes | None = None  # the sentence's part of the event ids' keys
        critics: list[str] = []  # a criticism's parties: the sides after this sentence
        types: list[str] = []
        # the strongest goods-taking type here claims commodities its weaker neighbours merely
        # share a sentence with ("tariff over Russian oil, rules out trade talks")
        top = 0
        if goods:
            top = max(
                (spec[x.etype].priority for x in matches if spec[x.etype].commodity), default=0
            )
        judged = bool(bits & _MOD_WORD)  # else every match is asserted
        openers = self.roles.has_openers(toks)  # may a clause of its own open before one?
        heads, commercial = self.commercial_heads, self.on_topic_blockers
        for m in matches:
            if _commercial(lows, m.first, m.last, heads, commercial):
                continue  # a commercial word makes it no policy: "raised the power tariff"
            etype = m.etype
            d = spec[etype]
            j = 0  # bisect_right(breaks, m.first), breaks being sorted (a typed loop: few)
            while j < len(breaks) and breaks[j] <= m.first:
                j += 1
            clause = breaks[j - 1] if j else 0
            if lows[m.first] in _SUBJECTS:
                clause = m.first  # "scrapped the duties it had imposed": a clause of its own
            mod = d.fixed_modality
            if not mod:
                mod = "asserted"
                if judged:
                    mod = self.modality.judge(
                        lows, m.first, m.last, clause, hedges_count=d.hedges, extra_neg=d.negators
                    )
                if lows[m.first] in d.withheld_by:  # "the duties stay in place": relief
                    mod = _WITHHELD.get(mod, mod)  # withheld ("will not stay": it comes)
            if (
                mod == "asserted"
                and d.symmetric
                and self.host_offers.any_in(lows, max(clause, m.first - HOST_REACH), m.first + 1)
            ):
                mod = "hypothetical"
            ft = d.future_type
            dated = True  # may a start date still make it the act? (not once urged or hedged)
            if ft and mod != "negated" and _PERFECT.isdisjoint(lows[m.first : m.last + 1]):
                # ("would lift the measures it had imposed": the trigger names a done act)
                hedged = mod == "hypothetical"
                planned = not hedged and self._planned(
                    lows, max(clause, m.first - PLAN_REACH), m.first
                )
                if (
                    hedged
                    or planned
                    or self._planned(lows, max(clause, m.first - URGE_REACH), m.first, True)
                ):
                    etype, d, mod = ft, spec[ft], "asserted"
                    dated = planned  # "would require licences from May 1" may be the act
            if (
                dated
                and etype in self.decided
                and mod == "asserted"
                and not _WILL.isdisjoint(lows[max(clause, m.first - PLAN_REACH) : m.last + 1])
                and self._scheduled(
                    lows, m.first, m.last, breaks[j] if j < len(breaks) else len(lows)
                )
            ):
                # "will impose duties from July 1": a dated plan is the act itself
                etype = self.decided[etype]
                d = spec[etype]
            if etype in out or (etype == _ESCALATION and _inside_truce(m, matches)):
                continue
            ts, te = st[m.first], en[m.last]
            if any(x.start <= ts and te <= x.end and x.entry.type != "COMMODITY" for x in ms):
                continue  # the words are part of a name ("Asia-Pacific Economic Cooperation")
            ts = _after_names(ts, te, ms, st, m.first, m.last)
            if m.first == m.last and _in_name(text, toks, m.first):
                continue  # a capitalised word between lower-case and capitalised: "the Met Office"
            if (
                m.last - m.first <= 1
                and lows[m.last] in self.ref_nouns
                and self.modality.cond.any_in(lows, max(clause, m.first - 3), m.first)
            ):
                continue  # a purely conditional mention: "unless a trade agreement is reached"
            # after "X rejected / slammed": a name modifying this trigger is its only actor
            opposed = d.owner_acts and any(
                o.last < m.first and spec[o.etype].opposes for o in matches
            )
            rkey = (ts, te, d.conventions, opposed)  # the same words with the same conventions
            cached = role_cache.get(rkey)
            if cached is None:
                cached = role_cache[rkey] = self.roles.assign(
                    ss,
                    ts,
                    te,
                    d.symmetric,
                    text,
                    s0,
                    d.accused,
                    d.judges,
                    d.place_targets,
                    d.warner,
                    opposed,
                    d.hosted,
                    d.rebuts,
                    openers,
                )
            actors, targets = list(cached[0]), list(cached[1])
            if not actors and d.sides_rank and text.startswith(" between ", te):
                # "a truce between X and Y", "clashes between X and Y" that no one else
                # made: the two are its parties
                actors, targets = targets, actors
            if d.from_acts and not actors and targets and text.startswith(" from ", te):
                source = _named_after(ms, text, te + 6)
                if source is not None and source in targets:
                    # "condemnation from Beijing": who it came from made it
                    actors = [source]
                    targets = [t for t in targets if t != source]
            if (
                d.mutual is not None
                and len(actors) >= 2
                and not targets
                and d.mutual.any_in(lows, max(0, m.first - MUTUAL_REACH), m.last + MUTUAL_REACH)
            ):
                targets = list(actors)  # "X and Y traded accusations": each at the other
            host = self._host_at(lows, st, m.first, ms, actors) if d.symmetric and actors else -1
            if host >= 0:
                # "Oman to host U.S.-Iran talks": those named between are the parties
                inner = [x.entry.id for x in ms if st[host] < x.start and x.end <= ts]
                actors = (
                    inner
                    if len(inner) >= 2
                    else list(ctx.last_parties(etype) or ctx.sides or actors)
                )
            noun = self._venue_noun(lows, m.first, m.last) if actors else -1
            if noun >= 0:
                venue = _venue(text, ms, st[noun])
                if venue:  # "after Geneva (peace) talks": where they met, not who met
                    actors = [a for a in actors if a != venue] or list(
                        ctx.last_parties(etype) or ctx.sides or actors
                    )
            group = self._collective(
                lows, (st, en), ss, (m.first, m.last), ts, ctx, d.symmetric, bool(actors)
            )
            if group and self.roles.patient_re.search(text, max(s0, ts - 12), te):
                # "both countries face a U.S. tariff": the collective undergoes it; who is
                # named inside the trigger imposes it
                inside = [x.entry.id for x in ms if ts <= x.start and x.end <= te]
                actors = [a for a in dict.fromkeys(actors + targets + inside) if a not in group]
                targets = list(group)
            elif group:
                actors = list(group)
                targets = [t for t in targets if t not in actors]
            elif m.weight == REFERENCE:
                # "the deal", "the tariffs": the parties of the event named again, unless
                # another names it as its own ("Beijing's curbs" after U.S. curbs)
                acts = ctx.last_actors(etype)
                owner = _possessor(text, ms, st, lows, m.first)
                if owner is not None and not any(
                    ctx.country_of(a) == ctx.country_of(owner) for a in acts
                ):
                    acts = [owner]
                if acts:
                    actors = list(acts)
                    targets = [t for t in targets if t not in actors]
            elif (
                len(actors) < 2
                and d.refer_back
                and m.first
                and self._refers(lows, m.first)
                and not (
                    actors
                    and not d.symmetric
                    and self.urging.any_in(lows, max(0, m.first - URGE_REACH), m.first)
                )
            ):
                # "the talks", "last month's truce": the parties of the event referred back to
                # (not where one urges others to keep it: "X urged both sides to respect the
                # truce" is X's call)
                earlier = ctx.last_parties(etype)
                if earlier:
                    actors = list(earlier)
                    targets = [t for t in targets if t not in actors]
            elif not actors and 0 < m.first == m.last and self._refers(lows, m.first):
                # "its deal", "the talks" naming no party: those of the last event of its type
                # that named any (none where the story has reported no such event)
                actors = list(ctx.last_named(etype))
                targets = [t for t in targets if t not in actors]
            if opposed and m.weight != REFERENCE and actors and self._refers(lows, m.first):
                # "X condemned the strikes": X judges the strikes named before, whose striker
                # is their actor
                earlier = self._judged_act(etype, m, matches, ms, st, actors, ctx)
                if earlier:
                    actors = earlier
                    targets = [t for t in targets if t not in actors]
            if not actors and len(ctx.parties) >= 2 and "they" in lows[: m.first]:
                # "They had been due to meet": the parties of the last two-sided event
                actors = list(ctx.parties)
                targets = [t for t in targets if t not in actors]
            elif (
                not actors
                and ctx.antecedent
                and (self.pronouns.any_in(lows, 0, m.first) or self._said_by_pronoun(lows, m.last))
            ):
                actors = list(ctx.antecedent)
                targets = [t for t in targets if t not in actors]
            if not actors and d.named_acts:
                # "Officials at the Chinese embassy did not respond": the first country or
                # body named before the trigger, where no one else acts
                lo = s0
                asked = stext.lower().find("asked", 0, ts - s0)
                if asked >= 0:  # not who the question named: after the comma that ends it
                    comma = text.find(",", s0 + asked, ts)
                    lo = comma if comma >= 0 else ts
                actors = _named_before(text, ms, lo, ts)
                targets = [t for t in targets if t not in actors]
            if d.home_government and not targets and self._home_object(text, te, s1):
                # "the opposition accused the government of ...": whose government, from the
                # countries the sentence names (_home_country)
                targets = _home_country(ms, actors, ctx)
            if d.forum_free and targets and not self.forums.isdisjoint(targets):
                # "violates the rules of the WTO", "will take the case to the WTO": the body
                # that judges the dispute, named after a preposition, is not what the criticism
                # or threat is aimed at ("criticised the WTO" is; kept where it is the event's
                # only party)
                forums = _forums_judging(text, ms, self.forums)
                kept = [t for t in targets if t not in forums]
                if kept or actors:
                    targets = kept
            if d.policy is not None and not (group and d.policy.get("fallback_targets")):
                # (both sides acting together aim at no one outside them)
                named = self._rejected(d.objects, lows, m.first, m.last) if d.objects else ()
                # (read only for a fallback target: where none is named yet)
                bare = not targets and not named and _clause_ends(text, te, s1)
                targets = self._policy(d.policy, etype, actors, targets, ctx, named, bare)
            attrs: dict[str, list[Any]] = {}
            if d.rate:
                r = []
                if d.clause_rates:
                    r = self._threat_rates(text, lows, st, breaks, j, sent)
                if not r:  # (a threat verb's clause, when it gave rates, decides alone)
                    r = rates(stext, self.rate_before, self.rate_after)
                    if r and len(matches) > 1:
                        # "X slaps a 25% duty on steel; Y threatens to hit back": X's rate
                        r = _clause_own_rates(self, matches, m, text, toks, r)
                if r:
                    attrs["rate_pct"] = r
            if d.commodity and goods:
                # a threat a start date made the act keeps the goods of its own clause
                weak = d.priority < top
                c = self._commodities(
                    text, goods, (ts, te), weak, spec[m.etype].priority >= top, (matches, st, en)
                )
                if c and len(matches) > 1:
                    # "...extend the tariff pause; Beijing to resume soybean purchases"
                    c = _clause_own_goods(spec, matches, m, text, toks, goods, c)
                if c:
                    attrs["commodity"] = c
            ck = (m.weight, mod == "hypothetical")
            conf = _CONF.get(ck)
            if conf is None:
                conf = _CONF[ck] = round(
                    min(0.95, 0.5 + 0.1 * m.weight) - (0.1 if ck[1] else 0.0), 2
                )
            if tail is None:
                tail = _id_tail(field, s0, s1)
            ev = d.template.copy()  # its keys in order, the type's own values set
            ev["id"] = _SHA1(head + d.key + tail).hexdigest()[:16]
            ev["field"] = field
            ev["sentence"] = {"start": s0, "end": s1, "text": stext}
            ev["trigger"] = {"start": ts, "end": te, "text": text[ts:te]}
            ev["actors"] = actors
            ev["targets"] = targets
            ev["attributes"] = attrs
            ev["modality"] = mod
            ev["confidence"] = conf
            out[etype] = ev
            if m.weight == MODEL_WEIGHT:
                ctx.modelled.append(ev["id"])
            starts.append(ts)
            types.append(etype)
            if not targets and d.pending and len(ctx.sides) != 2:
                ctx.pending.append(ev)
            ctx.history.append((etype, actors, targets))
            if etype == _CRITICISM:
                # one country criticising another sets up the sides from the next sentence on
                # (the act criticised in this one is not aimed at the critic: "Japan protests
                # Russian drills")
                critics = actors + targets
            elif d.sides_rank and not any(
                spec[o["type"]].pending and o["actors"] == actors for o in out.values()
            ):
                # (those brokering it in this sentence are no side: "X and Y brokered a truce")
                ctx.set_sides(actors if len(actors) >= 2 else actors + targets, d.sides_rank)
        if critics:
            ctx.set_sides(critics, spec[_CRITICISM].sides_rank)
        if (
            tail is not None
            and _CONTACT in out
            and _TALKS not in out
            and self.story_types.get("goods") not in out
        ):
            # (talks on joint projects between the two sides are about the projects)
            talks = self._warring_talks(out[_CONTACT], ctx, head + spec[_TALKS].key + tail)
            if talks is not None:
                out[_TALKS] = talks
                starts.append(talks["trigger"]["start"])
                types.append(_TALKS)
                ctx.history.append((_TALKS, talks["actors"], talks["targets"]))
        return _by_trigger(list(out.values()), starts, types)

    def _scare_label(self, text: str, toks: Toks, matches: list[Match]) -> list[Match]:
        """``matches`` with a criticism where a verb of naming, its object, then a label in
        quotes within a few words ("called the plan “a reward for crimes”", "calling it
        “a lever we will not accept”") judge something, and no criticism is found already;
        not where the label praises, denies or reports ("a first step", "baseless"), nor
        where the verb is a noun ("a call that “went well”")."""
        if any(m.etype == _CRITICISM for m in matches):
            return matches
        lows, starts, ends = toks.lows, toks.starts, toks.ends
        n = len(lows)
        for i in range(n - 2):
            if lows[i] not in self.label_verbs or lows[i + 1] not in self.label_objects:
                continue
            if i and (lows[i - 1] in self.label_objects or lows[i - 1] in _ARTICLES):
                continue  # "a call that", "the terms of": the noun
            lo = ends[i + 1]
            hi = starts[min(i + 6, n - 1)]  # the quote opens within a few words
            q = _open_quote(text, lo, hi)
            if q < 0:
                continue
            k = bisect_right(starts, q)  # the label's first token
            if k >= n:
                continue
            last, stop = k, min(n - 1, k + LABEL_WORDS + 1)
            while last < stop and not _closes_before(text, ends[last], starts[last + 1]):
                last += 1
            if last - k > LABEL_WORDS:
                continue
            if not self.label_blockers.isdisjoint(lows[k : last + 1]):
                continue
            return _in_order([*matches, Match(_CRITICISM, i, last, 2)])
        return matches

    def _warring_talks(
        self, contact: dict[str, Any], ctx: _Context, key: bytes
    ) -> dict[str, Any] | None:
        """Talks held between the two sides of the article's conflict (set up by fighting, a
        truce or peace talks) are peace talks too, by the labelling convention: the contact
        event again as PEACE_TALKS, or None."""
        if ctx.sides_rank < 2 or len(contact["actors"]) < 2 or contact["modality"] == "negated":
            return None  # (a meeting ruled out is no negotiation)
        if {ctx.country_of(a) for a in contact["actors"]} != set(ctx.sides):
            return None
        if self.venue_nouns.isdisjoint(contact["trigger"]["text"].lower().split()):
            return None  # a call or a visit, not talks
        talks = self.spec[_TALKS].template.copy()
        for k in ("field", "sentence", "trigger", "attributes", "modality", "confidence"):
            talks[k] = contact[k]
        talks["id"] = _SHA1(key).hexdigest()[:16]
        talks["actors"] = list(contact["actors"])
        talks["targets"] = []
        return talks

    def story_talks(
        self, article_id: str, events: list[dict[str, Any]], mentions: list[Mention]
    ) -> list[dict[str, Any]]:
        """An article's events, where talks are about what the story is about: by the labelling
        convention, in a story of trade and no conflict (an event of a type that takes goods,
        and no fighting, truce, peace talks or mediation) each contact on a talk noun ("held
        talks with Ottawa") is also of the ``story_talks: goods`` type, and in a story of
        conflict and no trade, of the ``story_talks: conflict`` type ("the last round of talks
        collapsed") where a party to the conflict holds them (not "EU ministers held talks
        with China on climate" in a war story), unless its sentence has an event of that type
        already. ``mentions``: the article's, so that a capital stands for its country."""
        if not events or not self.story_types:
            return events
        conflict = any(e["type"] in self._conflict for e in events)
        goods = any(e["type"] in self._goods for e in events)
        if conflict == goods:
            return events  # both, or neither: talks on climate, migration; or on a war's trade
        pt = self.story_types.get("conflict" if conflict else "goods")
        if not pt:
            return events
        parties: set[str] = set()
        home: dict[str, str] = {}
        if conflict:  # (a map made only for the stories that need it)
            home = {m.entry.id: m.entry.country for m in mentions if m.entry.country}
            for e in events:
                if e["type"] in self._conflict:
                    parties.update(home.get(x, x) for x in e["actors"] + e["targets"])
        have = {(o["field"], o["sentence"]["start"]) for o in events if o["type"] == pt}
        d = self.spec[pt]
        head = (article_id + "\x00").encode("utf-8", "surrogatepass")
        out: list[dict[str, Any]] = []
        for e in events:
            out.append(e)
            if e["type"] != _CONTACT or self.talk_nouns.isdisjoint(
                e["trigger"]["text"].lower().split()
            ):
                continue
            field, sent = e["field"], e["sentence"]
            if (field, sent["start"]) in have:
                continue
            if conflict and not any(home.get(a, a) in parties for a in e["actors"]):
                continue
            ev = d.template.copy()
            tail = _id_tail(field, sent["start"], sent["end"])
            ev["id"] = _SHA1(head + d.key + tail).hexdigest()[:16]
            for k in ("field", "modality", "confidence"):
                ev[k] = e[k]
            ev["sentence"] = dict(sent)
            ev["trigger"] = dict(e["trigger"])
            ev["actors"] = list(e["actors"])
            ev["targets"] = []
            ev["attributes"] = {}
            out.append(ev)
        return out

    def _judged_act(
        self,
        etype: str,
        m: Match,
        matches: list[Match],
        ms: list[Mention],
        st: list[int],
        actors: list[str],
        ctx: _Context,
    ) -> list[str]:
        """The actors of the event of this type named before, where every actor found is
        named before the verb that judges it ("X condemned the strikes"), else []."""
        verb = next(o for o in matches if o.last < m.first and self.spec[o.etype].opposes)
        cut = st[verb.first]
        for a in actors:
            if not any(x.entry.id == a and x.end <= cut for x in ms):
                return []
        earlier = ctx.last_named(etype)
        return [] if earlier == actors else list(earlier)

    def _venue_noun(self, lows: list[str], first: int, last: int) -> int:
        """Where a city naming the venue would stand right before, if the trigger is a meeting
        noun after at most two modifiers ("talks", "peace talks", "Geneva peace talks"), else
        -1."""
        mods = self.venue_modifiers
        k = first
        while k < last and lows[k] in mods:
            k += 1
        if lows[k] not in self.venue_nouns:
            return -1
        k = first
        while k > 0 and first - k < 2 and lows[k - 1] in mods:
            k -= 1
        return k

    def _host_at(
        self, lows: list[str], st: list[int], first: int, ms: list[Mention], actors: list[str]
    ) -> int:
        """Where the host verb stands if the trigger is what its actors host ("Oman prepares
        to host nuclear talks", "Kenya offered to host the meeting"), else -1: a host verb
        (not fused to a name) shortly before it, every actor named before it."""
        hosts = self.venue_hosts
        for h in range(first - 1, max(0, first - HOST_REACH), -1):
            if lows[h] in hosts and lows[h - 1] != "-":  # not "Mauritania-hosted talks"
                cut = st[h]
                return h if all(m.end <= cut for m in ms if m.entry.id in actors) else -1
        return -1

    def _threat_rates(
        self, text: str, lows: list[str], st: list[int], breaks: list[int], j: int, sent: Span
    ) -> list[float | int]:
        """Rates of the clause where the threat is made, when a threat verb stands in another
        clause than the trigger ("X will face 15% under the deal, half the 30% Y threatened")."""
        lo = breaks[j - 1] if j else 0
        hi = breaks[j] if j < len(breaks) else len(lows)
        if self.threat.any_in(lows, lo, hi):
            return []
        for i in self.threat._positions(lows):
            if (i < lo or i >= hi) and self.threat.at(lows, i):
                k = bisect_right(breaks, i)
                # A break may sit after the last token (a trailing comma): then the clause
                # runs to the sentence's end.
                cs = st[breaks[k - 1]] if k and breaks[k - 1] < len(st) else sent.start
                ce = st[breaks[k]] if k < len(breaks) and breaks[k] < len(st) else sent.end
                return rates(text[cs:ce], self.rate_before, self.rate_after)
        return []

    def _collective(
        self,
        lows: list[str],
        offsets: tuple[list[int], list[int]],
        ss: list[Slot],
        span: tuple[int, int],
        ts: int,
        ctx: _Context,
        symmetric: bool,
        named: bool,
    ) -> list[str]:
        """The parties a collective phrase ("both sides", "the two leaders") stands for, when it
        performs the event: the nearest subject before the trigger (not an object: "urged both
        sides to"), before a symmetric trigger, right after a symmetric one ("a meeting between
        the two presidents"), or anywhere when no actor is named. Country phrases take the
        article's two sides, leader phrases the first person named of each side, others the
        parties of the last two-sided event."""
        local: list[str] = []
        st, en = offsets
        if not ctx.parties and not ctx.sides and len(ctx.leaders) != 2:
            # nothing known before this sentence: two countries named together in it
            local = self._pair_before(ss, ts)
            if not local:
                return []
        first, last = span
        hit, direct = -1, False
        for i in self._collective_at(lows):
            if i >= first and hit >= 0:
                break
            if i < first:
                if i and (
                    lows[i - 1] in self.roles.obj_verbs
                    or (lows[i - 1].endswith("ed") and st[i] - en[i - 1] == 1)
                ):
                    continue  # an object: "urged both sides", "who received the two men"
                if i and lows[i - 1] in self.object_preps:
                    continue  # "X, which has ties to the two governments, offered": no subject
                near = not any(st[i] < s.start < ts for s in ss)
                if near or symmetric:
                    hit = i
            elif not named:
                hit = i
                break
            elif symmetric and (
                (i == last + 2 and lows[last + 1] in self.roles.party)
                or (i == last + 1 and lows[last] in self.roles.party)  # trigger "call between"
            ):
                hit, direct = i, True  # "a meeting between the two presidents"
                break
        if hit < 0:
            return []
        # both named earlier with a leader's title: of the two sides, else the only two named
        sides_or_all = ctx.sides if len(ctx.sides) == 2 else list(ctx.leaders)
        leaders = [ctx.leaders.get(c) for c in sides_or_all]
        if len(leaders) == 2 and all(leaders) and self.collective_leaders.at(lows, hit):
            return [x for x in leaders if x]
        if direct:
            return []  # the named actors stand unless the phrase resolves to both leaders
        if local:
            return local
        sides = len(ctx.sides) == 2 and bool(self.collective_sides.at(lows, hit))
        return ctx.sides if sides or not ctx.parties else ctx.parties

    def _pair_before(self, ss: list[Slot], ts: int) -> list[str]:
        """Two countries coordinated before the trigger ("called on Ethiopia and Eritrea ...
        both countries moving tanks"), or nothing."""
        for k in range(len(ss) - 1, -1, -1):
            if ss[k].end > ts or not ss[k].id.startswith("country:"):
                continue
            group = self.roles._group(ss, k, -1)  # only the nearest country: one look
            if len(group) == 2 and all(g.startswith("country:") for g in group):
                return group[::-1]
            return []
        return []

    def _references(
        self,
        toks: Toks,
        ms: list[Mention],
        ctx: _Context,
        matches: list[Match],
        places: list[int],
    ) -> list[Match]:
        """Matches for definite references to an event of a type the field already reported
        ("the deal", "their talks", "the swap"): by the labelling convention a sentence naming
        an event again carries its type too. ``places``: ascending token indices among which
        are all the sentence's reference nouns (_bits)."""
        # type -> latest index among the last events (a bounded look: linear on any text),
        # and the types matched here: made at the first reference (most sentences have none)
        recent: dict[str, int] | None = None
        have: set[str] = set()
        extra: list[Match] = []
        lows = toks.lows
        ref_nouns = self.ref_nouns  # (a set look-up per place; the dict's only on a hit)
        for i in places:
            if (
                i == 0
                or lows[i] not in ref_nouns
                or not (self._refers(lows, i) or self._named_ref(toks, ms, i))
            ):
                continue
            types = self.reference_types[lows[i]]
            if lows[i] in self.reception_nouns and (
                self.reception_verbs.isdisjoint(lows[max(0, i - 4) : i])
                or lows[i + 1 : i + 2] in (["by"], ["to"], ["of"])
            ):
                continue  # "the decision" names an act again only where it is welcomed
                # (not "the decision by the central bank", "the move to raise prices")
            if lows[i] in self.appeal_nouns and not self.appeal_verbs.isdisjoint(
                lows[max(0, i - 3) : i]
            ):
                continue  # "echoed the call": an appeal taken up, not a phone call again
            if "MILITARY_ESCALATION" in types and not self.reference_enders.isdisjoint(
                lows[max(0, i - 3) : i]
            ):
                continue  # generic: the attacks to be ended, not the event named again
            if (
                lows[i] in _ROUNDS
                and lows[i + 1 : i + 2] == ["of"]
                and lows[i + 2 : i + 3] not in (["talks"], ["negotiations"], ["consultations"])
            ):
                continue  # "the first round of elections", "the session of parliament"
            # the one event it names: the latest of the types it may name not already here
            if recent is None:
                recent = _recent_types(ctx)
                have = {m.etype for m in matches}
            bare = _bare_match(matches, i)
            if bare >= 0 and matches[bare].etype in types and matches[bare].etype not in recent:
                # the noun alone matched as a type the story has not reported, where it has
                # reported another the noun may name: that one named again ("the truce" in a
                # story of a tariff truce)
                others = [t for t in types if t in recent]
                if others:
                    matches = matches[:bare] + matches[bare + 1 :]
                    t = max(others, key=recent.__getitem__)
                    extra.append(Match(t, i, i, REFERENCE))
                    have = {m.etype for m in matches}
                    have.add(t)
                    continue
            truce = _TRUCE in types and not self.truce_words.isdisjoint(lows[max(0, i - 4) : i])
            if truce and _TRUCE in have:
                continue  # "accused X of breaching the agreement": that truce, already here
            cands = [
                t
                for t in types
                if t in recent
                and t not in have
                and not self._in_kin(matches, i, t)
                and not self._said_otherwise(matches, i, types, t)
            ]
            if cands:
                t = max(cands, key=recent.__getitem__)
                if truce and t == _TALKS and _TRUCE in cands:
                    t = _TRUCE  # "remained committed to the agreement": the truce named again
                extra.append(Match(t, i, i, REFERENCE))
                have.add(t)
        if not extra:
            return matches
        return _in_order(matches + extra)  # (a lambda here made a closure per call)

    def _home_object(self, text: str, te: int, s1: int) -> bool:
        """Whether the trigger ending at ``te`` is followed by a phrase for a government left
        unnamed ("the government", ``home_government_objects``)."""
        return bool(self.home_objects) and text[te : min(s1, te + 40)].lstrip().lower().startswith(
            self.home_objects
        )

    def _in_kin(self, matches: list[Match], i: int, etype: str) -> bool:
        """Whether token i is inside a match of ``etype``'s family after its first word: "its
        next sanctions package" is the threat and "lift the ban" the relief, not the earlier
        sanctions named again (where "the tariffs were paused" are)."""
        fam = self._family[etype]
        return any(m.first < i <= m.last and self._family[m.etype] == fam for m in matches)

    def _void(self, lows: list[str], m: Match) -> bool:
        """A match that names nothing: one starting at the month of May ("18 May 2020: China
        imposes duties"), or a lone word in a verb form of a noun's stem ("no call is
        planned" is no plan)."""
        return month_may(lows, m.first) or (m.first == m.last and lows[m.first] in self.verb_forms)

    def _said_otherwise(self, matches: list[Match], i: int, types: list[str], etype: str) -> bool:
        """Whether token i is a word of a longer match that gives the noun another of its
        types in another class: "the threat of secondary tariffs" is that tariff threat, not
        an earlier military one named again; talks met as a contact may still name the
        peace talks (both CONSULT)."""
        spec = self.spec
        kind = spec[etype].plover
        return any(
            m.first <= i <= m.last
            and m.first < m.last
            and m.etype in types
            and spec[m.etype].plover != kind
            for m in matches
        )

    def _rejected(
        self, objects: dict[str, tuple[str, ...]], lows: list[str], first: int, last: int
    ) -> tuple[str, ...]:
        """Event types the noun just after the trigger names ("the accusation": CRITICISM), or
        one inside its gap ("called the move protectionist")."""
        for k in range(first + 1, min(last + 4, len(lows))):
            types = objects.get(lows[k])
            if types:
                # "the decision to close the embassy" names a new act, not an earlier one
                fresh = lows[k] in self.fresh_nouns and lows[k + 1 : k + 2] == ["to"]
                return () if fresh else types
        # "called the move unjustified": the object stands between "called" and the trigger
        for k in range(max(0, first - 3), first):
            types = objects.get(lows[k])
            if types and k and lows[k - 1] in self.ref_dets:
                return types
        return ()

    def _refers(self, lows: list[str], first: int) -> bool:
        """Whether the trigger is a definite reference: after a determiner ("the truce") or a
        possessive ("last month's ceasefire", "their talks")."""
        w = lows[first - 1]
        if w in self.ref_adjectives and first >= 2:  # "the next round"
            w = lows[first - 2]
        return w in self.ref_dets or w in self.possessives or w.endswith(("'s", "’s"))

    def _named_ref(self, toks: Toks, ms: list[Mention], i: int) -> bool:
        """Whether token i follows a name that follows a determiner: "the Tbilisi talks",
        "the Kenyan offer" name an event of the story again."""
        if not ms or toks.lows[i] not in self.named_ref_nouns:
            return False
        end = toks.ends[i - 1]
        for m in ms:
            if m.end == end and m.entry.type in ("GPE", "NORP"):
                j = bisect_right(toks.starts, m.start) - 1  # the name's first token
                return j >= 1 and toks.lows[j - 1] in self.ref_dets
        return False

    def _collective_at(self, lows: list[str]) -> list[int]:
        """Where a collective phrase starts in this sentence (one-entry cache: every event of
        the sentence asks)."""
        cached = self._coll_cache  # read once: the tuple swap below is atomic
        if cached[0] is lows:
            return cached[1]
        coll = self.collective
        pos = [i for i in coll._positions(lows) if coll.at(lows, i)]
        self._coll_cache = (lows, pos)
        return pos

    def _commodities(
        self,
        text: str,
        goods: list[Mention],
        span: tuple[int, int],
        weak: bool,
        own_clause: bool,
        triggers: tuple[list[Match], list[int], list[int]],
    ) -> list[str]:
        """Commodities the trigger at ``span`` governs: inside it or in its own phrase ("a deal
        on steel and aluminium", "steel quota talks"), or (unless a stronger goods-taking event
        shares the sentence) elsewhere in its sentence, but not cut off by a clause opened
        before the trigger ("X imports oil and warns that it may retaliate"). ``own_clause``:
        a weak event that matched as the strongest (a dated threat made the act) keeps the
        goods of its own clause ("will impose duties on pork from May 1", not "... after X
        banned chips"). ``triggers``: the sentence's matches and token offsets, whose words
        end a phrase."""
        ts, te = span
        out: set[str] = set()
        chained = -1  # where the last good the phrase took ends ("steel and aluminium")
        for g in goods:
            if ts <= g.start and g.end <= te:
                out.add(g.entry.id)
                continue
            if weak and not (own_clause and g.start >= te):
                if chained >= 0 and _coordinated(text, chained, g.start):
                    pass  # the next of a list of goods the phrase took
                elif not (
                    self._phrase(text, te, g.start, GOVERN_REACH, triggers)
                    or self._phrase(text, g.end, ts, MODIFY_REACH, triggers)
                ):
                    continue
                chained = g.end
            if g.end <= ts and self.roles.boundary_re.search(text, g.end, ts):
                continue
            if weak and self.roles.boundary_re.search(text, te, g.start):
                continue
            out.add(g.entry.id)
        return sorted(out)

    def _phrase(
        self,
        text: str,
        lo: int,
        hi: int,
        reach: int,
        triggers: tuple[list[Match], list[int], list[int]],
    ) -> bool:
        """Whether text[lo:hi], between a trigger and a commodity, is a gap of at most
        ``reach`` characters within one phrase: no clause mark, conjunction or clause-opening
        word, and no word of another match ("imposed tariffs on oil and signed a deal")."""
        if hi < lo or hi - lo > reach:
            return False
        for c in _CLAUSE_MARKS:
            if text.find(c, lo, hi) >= 0:
                return False
        if not _PHRASE_BREAKS.isdisjoint(text[lo:hi].lower().split()):
            return False
        matches, st, en = triggers
        for x in matches:
            if st[x.first] < hi and lo < en[x.last]:
                return False
        return self.roles.boundary_re.search(text, lo, hi) is None

    def _policy(
        self,
        pol: dict[str, Any],
        etype: str,
        actors: list[str],
        targets: list[str],
        ctx: _Context,
        named: tuple[str, ...] = (),
        bare: bool = False,
    ) -> list[str]:
        """The type's role conventions (rule data): parties not targets, or targets from context.

        ``named``: the types of event the trigger's object names ("rejected the accusation":
        a CRITICISM), whose actor is the target; ``bare``: nothing follows the trigger in its
        clause ("Yerevan reacted furiously."). Mutates ``actors`` (contact: the other side
        is a party); returns the targets."""
        if pol.get("targets_act"):
            # "no comment from Moscow": whoever the trigger names is who (did not) act
            # (a person named after it is what the comment was asked about: "on Petro's claim",
            # as is anyone named after it where its subject is named: "Baku declined to
            # comment on the Russian remarks")
            if not actors:
                actors.extend(t for t in targets if not t.startswith("person:"))
            return []
        if pol.get("no_targets"):
            actors.extend(t for t in targets if not t.startswith("place:") and t not in actors)
            return []
        how = pol.get("fallback_targets")
        one_side = len(targets) == 1 and ctx.country_of(targets[0]) in ctx.sides
        if how == "sides" and len(ctx.sides) == 2 and one_side:
            # "mediation in its dispute with X": between X and the other side
            return self._sides_targets(actors, ctx, ctx.sides)
        if targets or not how:
            return targets
        mine = {ctx.country_of(a) for a in actors}
        if how == "sides_for_others":
            # "the UN called for a truce": a party outside the conflict aims it at both sides
            if len(ctx.sides) == 2 and actors and mine.isdisjoint(ctx.sides):
                return list(ctx.sides)
            return []
        if how == "sides":
            if len(ctx.sides) == 2:
                return self._sides_targets(actors, ctx, ctx.sides)
            return []
        if how == "other_side":
            return _other_side(ctx, mine)
        if how == "previous_actors":
            return _previous_actors(ctx, mine, named)
        if how == "object_actors":
            # "condemned the strikes": whoever struck; with nothing after the trigger ("Moscow
            # reacted angrily."), the other side of the story's two, where the actor is one
            if named:
                return _previous_actors(ctx, mine, named, any_type=False)
            return _other_side(ctx, mine) if bare else []
        family = etype.split("_", 1)[0]
        for t, _, tgts in reversed(ctx.history[-HISTORY_REACH:]):
            if t.split("_", 1)[0] == family and tgts:
                # the parties earlier measures of the family hit; a person hit then was named
                # in passing ("half the rate Trump threatened") and is not carried over
                hit = [
                    x for x in tgts if ctx.country_of(x) not in mine and not x.startswith("person:")
                ]
                if hit:
                    return hit
        return []

    @staticmethod
    def _sides_targets(actors: list[str], ctx: _Context, sides: list[str]) -> list[str]:
        """Both sides are the targets of a mediation; a side named as its actor receives or
        refuses it ("Thailand rejected mediation") and so is no mediator (mutates actors)."""
        actors[:] = [a for a in actors if ctx.country_of(a) not in sides]
        return list(sides)

    def _resolve(self, matches: list[Match]) -> list[Match]:
        """One match per type, in sentence order: its heaviest (then earliest) match whose
        words no stronger type of its family's heaviest match claims ("EU blacklists X in new
        sanctions package": the threat takes "new sanctions", the action stands on
        "blacklists"). Another family's match stands ("called the sanctions 'banditry'" is
        criticism and names the sanctions)."""
        if len(matches) < 2:
            return matches
        spec = self.spec
        ranked = _ranked(matches)
        heaviest: dict[str, Match] = {}
        for m in ranked:
            heaviest.setdefault(m.etype, m)
        keep: dict[str, Match] = {}
        for m in ranked:
            if m.etype in keep:
                continue
            pm = spec[m.etype].priority
            if not any(
                o.first <= m.last
                and m.first <= o.last
                and spec[o.etype].priority > pm
                and self._family[o.etype] == self._family[m.etype]
                for o in heaviest.values()
            ):
                keep[m.etype] = m
        return _in_order(list(keep.values()))


# how many matches a sentence's sorts take by insertion (more: by sorted(), to stay linear)
_FEW: Final = 12


def _ranked(ms: list[Match]) -> list[Match]:
    """``sorted(ms, key=_by_weight)``: heaviest first, then earliest; stable. A sentence has
    few matches: compiled, an insertion sort of them makes no key call per match."""
    if len(ms) > _FEW:
        return sorted(ms, key=_by_weight)
    out = list(ms)
    for i in range(1, len(out)):
        m = out[i]
        j = i - 1
        while j >= 0 and (
            out[j].weight < m.weight or (out[j].weight == m.weight and out[j].first > m.first)
        ):
            out[j + 1] = out[j]
            j -= 1
        out[j + 1] = m
    return out


def _in_order(ms: list[Match]) -> list[Match]:
    """``sorted(ms, key=_by_position)``: by first token, then type; stable (see _ranked)."""
    if len(ms) > _FEW:
        return sorted(ms, key=_by_position)
    for i in range(1, len(ms)):
        m = ms[i]
        j = i - 1
        while j >= 0 and (
            ms[j].first > m.first or (ms[j].first == m.first and ms[j].etype > m.etype)
        ):
            ms[j + 1] = ms[j]
            j -= 1
        ms[j + 1] = m
    return ms


def _venue(text: str, ms: list[Mention], start: int) -> str:
    """The id of a city named right before a meeting noun at ``start`` ("Geneva talks"), or
    "" (a city joined to another name is a party: "Kinshasa-Kigali talks")."""
    for x in ms:
        if (
            x.end + 1 == start
            and text[x.end] == " "
            and x.entry.id.startswith("place:")
            and (x.start == 0 or text[x.start - 1] not in "-\u2013\u2014/")
        ):
            return x.entry.id
    return ""


# how many words a quoted label may hold
LABEL_WORDS: Final = 12


_ARTICLES: Final = frozenset({"a", "an"})


def _open_quote(text: str, lo: int, hi: int) -> int:
    """Where the first opening quote mark between lo and hi stands, or -1 (str.find: no
    string made per character)."""
    a, b = text.find("“", lo, hi), text.find('"', lo, hi)
    return b if a < 0 else a if b < 0 else min(a, b)


def _closes_before(text: str, lo: int, hi: int) -> bool:
    """Whether a closing quote mark stands between two tokens (from lo to hi)."""
    return text.find("”", lo, hi) >= 0 or text.find('"', lo, hi) >= 0


def _inside_truce(m: Match, matches: list[Match]) -> bool:
    """Whether a ceasefire match shares words with ``m`` ("a halt to strikes")."""
    return any(o.etype == _TRUCE and o.first <= m.last and m.first <= o.last for o in matches)


def _by_trigger(
    evs: list[dict[str, Any]], starts: list[int], types: list[str]
) -> list[dict[str, Any]]:
    """``sorted(evs, key=lambda e: (e["trigger"]["start"], e["type"]))``, given each event's
    trigger start and type (distinct: no ties) in parallel lists: compiled, an insertion
    sort of a sentence's few events makes no key call nor dict look-up per event."""
    for i in range(1, len(evs)):
        ev = evs[i]
        s = starts[i]
        t = types[i]
        j = i - 1
        while j >= 0 and (starts[j] > s or (starts[j] == s and types[j] > t)):
            evs[j + 1] = evs[j]
            starts[j + 1] = starts[j]
            types[j + 1] = types[j]
            j -= 1
        evs[j + 1] = ev
        starts[j + 1] = s
        types[j + 1] = t
    return evs


def _commercial(
    lows: list[str], first: int, last: int, heads: frozenset[str], blockers: frozenset[str]
) -> bool:
    """A trigger word that a commercial word before it makes business ("power tariff",
    "price war"; ``commercial_heads`` only: "electricity exports" may still be sanctioned)."""
    return any(lows[k] in heads and lows[k - 1] in blockers for k in range(max(first, 1), last + 1))


def _coordinated(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] only joins two items of a list ("steel and aluminium", "steel,
    aluminium or copper")."""
    return text[lo:hi].strip(" ,") in ("", "and", "or")


def _clause_of(breaks: list[int], first: int, last: int, toks: Toks) -> tuple[int, int]:
    """The character span of the clauses tokens ``first``..``last`` stand in (``breaks``:
    the tokens that open a clause)."""
    lo, hi = 0, len(toks.starts)
    for b in breaks:
        if b <= first:
            lo = b
        elif b > last:
            hi = b
            break
    return toks.starts[lo], toks.ends[hi - 1]


def _clause_own_rates(
    finder: EventFinder, matches: list[Match], m: Match, text: str, toks: Toks, r: list[float | int]
) -> list[float | int]:
    """The rates ``r`` of a sentence that are ``m``'s where another tariff event shares it:
    none where the clause of ``m``'s trigger holds no rate and another rate-taking trigger's
    clause does ("Tanzania slaps a 25% duty on Kenyan steel; Nairobi threatens to hit back"),
    its own clause's where both hold some (clauses: ``_joint_breaks``)."""
    spec = finder.spec
    parts = _other_clauses(text, toks, m, [x for x in matches if spec[x.etype].rate])
    if parts is None:
        return r
    (a, b), others = parts
    before, after = finder.rate_before, finder.rate_after
    if any(_rates_in(text, lo, hi, before, after) for lo, hi in others):
        return _rates_in(text, a, b, before, after)
    return r


def _clause_own_goods(
    spec: dict[str, _Type],
    matches: list[Match],
    m: Match,
    text: str,
    toks: Toks,
    goods: list[Mention],
    c: list[str],
) -> list[str]:
    """``_clause_own_rates`` for the goods ``c`` taken by ``m``: none where its clause names
    none and another goods-taking trigger's clause does, those of its own clause where both
    name some."""
    parts = _other_clauses(text, toks, m, [x for x in matches if spec[x.etype].commodity])
    if parts is None:
        return c
    (a, b), others = parts
    if any(_goods_in(goods, lo, hi) for lo, hi in others):
        mine = _goods_in(goods, a, b)
        return [g for g in c if g in mine]
    return c


def _other_clauses(
    text: str, toks: Toks, m: Match, takers: list[Match]
) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """The character span of the clause of ``m``'s trigger, and those of the other triggers
    of ``takers`` (the sentence's matches taking the attribute) that stand in another clause;
    None where none does (clauses: ``_joint_breaks``)."""
    if not any(x is not m for x in takers):
        return None  # (no other taker: the sentence's clauses are not read)
    breaks = _joint_breaks(text, toks)
    if not breaks:
        return None
    own = _clause_of(breaks, m.first, m.last, toks)
    others = [
        span
        for span in (_clause_of(breaks, x.first, x.last, toks) for x in takers if x is not m)
        if span != own
    ]
    return (own, others) if others else None


def _goods_in(goods: list[Mention], a: int, b: int) -> list[str]:
    """The ids of the goods named within text[a:b]."""
    return [g.entry.id for g in goods if a <= g.start and g.end <= b]


def _joint_breaks(text: str, toks: Toks) -> list[int]:
    """The tokens that open a clause of ``_clause_own_rates``'s: after a semicolon, colon or
    dash (not one between two numbers: "10–25%", "10:30"), or a comma followed by a
    conjunction."""
    lows, st, en = toks.lows, toks.starts, toks.ends
    out: list[int] = []
    for i in range(1, len(lows)):
        a, b = en[i - 1], st[i]
        if b - a == 1 and text[a] == " ":
            continue  # a space alone between two words (read without a slice)
        gap = text[a:b]
        joined = "," in gap and lows[i] in _JOINING_WORDS
        # (a dash or colon between two numbers is a range or a time, no clause mark)
        marked = any(c in gap for c in _JOINTS) and (
            ";" in gap or not (lows[i - 1].isdigit() and lows[i].isdigit())
        )
        if joined or marked:
            out.append(i)
    return out


def _clause_breaks(text: str, lo: int, hi: int, st: list[int]) -> list[int]:
    """For each clause mark in ``text[lo:hi]`` (one of ``_CLAUSE_MARKS``), the index of
    the first token starting at or after it (``bisect_left`` into the sorted ``st``). The
    marks are found by ``str.find`` per mark character (a fast memchr-like scan; a sentence
    holds few marks), then sorted and met by one walk over the token starts: compiled,
    cheaper than a regex scan, or a loop over every character of the sentence."""
    marks: list[int] = []
    for c in _CLAUSE_MARKS:
        i = text.find(c, lo, hi)
        while i >= 0:
            marks.append(i)
            i = text.find(c, i + 1, hi)
    if len(marks) > 1:
        marks.sort()
    k, n = 0, len(st)
    for j in range(len(marks)):
        i = marks[j]
        while k < n and st[k] < i:
            k += 1
        marks[j] = k
    return marks


def _after_names(ts: int, te: int, ms: list[Mention], st: list[int], first: int, last: int) -> int:
    """The trigger's start moved past a name its first words belong to ("a U.S. military
    strike": "U.S. military" names who struck, "strike" is the trigger)."""
    for x in ms:  # in text order
        if x.start > ts:
            break
        if ts < x.end < te and x.entry.type != "COMMODITY":
            for i in range(first, last + 1):
                if st[i] >= x.end:
                    return st[i]
    return ts


def _of_name(toks: Toks, j: int) -> bool:
    """Token j is "of" followed by a capitalised word or a number ("Group of Seven")."""
    lows = toks.lows
    if j + 1 >= len(lows) or lows[j] != "of":
        return False
    c = toks.text[toks.starts[j + 1]]
    return c.isupper() or c.isdigit()


def _learn_countries(ctx: _Context, ms: list[Mention], text: str, titles: frozenset[str]) -> None:
    """A person's country from the words around him where no trigger asked for role slots:
    "Peruvian President X", "Chile's foreign minister X", "President X of Chile"."""
    for k, m in enumerate(ms):
        if m.entry.type != "PERSON" or m.entry.id in ctx.countries:
            continue
        if k and m.start - ms[k - 1].end <= 48:
            p = ms[k - 1]
            home = _home(p)
            if home:
                gap = text[p.end : m.start].replace("’s", " ").replace("'s", " ").split()
                if len(gap) <= 4 and all(w in titles or _modifier_word(w) for w in gap):
                    ctx.countries[m.entry.id] = home
                    continue
        if k + 1 < len(ms) and text[m.end : ms[k + 1].start] == " of ":
            home = _home(ms[k + 1])
            if home:
                ctx.countries[m.entry.id] = home


def _possessor(text: str, ms: list[Mention], st: list[int], lows: list[str], i: int) -> str | None:
    """The id of a name in the possessive just before token ``i``, one modifier word
    allowed between ("Beijing's curbs", "China's export curbs"), or None."""
    for j in (i - 1, i - 2):
        if j < 0:
            return None
        w = lows[j]
        if w.endswith(("'s", "\u2019s")):
            end = st[j] + len(w) - 2
            for x in ms:
                if x.end == end and x.start <= st[j]:
                    return x.entry.id
            return None
        if not _modifier_word(w):
            return None
    return None


def _modifier_word(w: str) -> bool:
    """A lower-case word that may stand in a title phrase ("army", "foreign"), not a verb
    ("arrested", "praised")."""
    return (w.isalpha() and w.islower() and not w.endswith(("ed", "s"))) or w in ("of", "the")


def _home(m: Mention) -> str | None:
    """The country a country, demonym or place mention names."""
    e = m.entry
    if e.type not in ("GPE", "NORP"):
        return None
    return e.id if e.id.startswith("country:") else e.country


def _in_name(text: str, toks: Toks, i: int) -> bool:
    """Token i is capitalised, after a lower-case word and before a capitalised one: part of
    a name the gazetteer does not know ("the Met Office"), not a trigger."""
    st = toks.starts
    if not 0 < i < len(st) - 1 or not text[st[i]].isupper():
        return False
    return text[st[i - 1]].islower() and text[st[i + 1]].isupper()


def off_topic(off: int, on: int, domestic: int, one_country: bool = False) -> bool:
    """Whether an article's cue counts say it is about sport, technology, weather or markets
    (twice as many such cue words as political ones, and at least three), or about a labour
    dispute, a court case or an election at home (at least three such words, and more than
    political ones unless the story names a single country: a coalition story counts its
    parliament, ministers and government as political words, yet has no other side), or
    about business at home, where words of both kinds together (at least three) outnumber the
    political ones (an airline's strike and fares, a housing market's tenants and lenders:
    such a story's "war" and "truce" count as political words too).
    """
    return (
        (off >= OFF_TOPIC_MIN and off >= OFF_TOPIC_RATIO * on)
        or (domestic >= OFF_TOPIC_MIN and (domestic > on or one_country))
        or (off > 0 and domestic > 0 and off + domestic >= OFF_TOPIC_MIN and off + domestic > on)
    )


OFF_TOPIC_MIN: Final = 3
# how many tokens before a trigger a future cue may stand ("will impose"), and an urging one
# ("urged the EU to follow suit and blacklist")
PLAN_REACH: Final = 8
URGE_REACH: Final = 10
# how many tokens before a trigger its decided verb may stand ("will double its tariff on
# steel to 50% from July 1")
DECIDED_REACH: Final = 3
# how many tokens before talks an offer to host them may stand ("ready to host a new round of
# indirect nuclear talks")
HOST_REACH: Final = 8
# how many tokens from a trigger a phrase making its parties act on each other may stand
MUTUAL_REACH: Final = 3
# how many earlier events a reference looks back over: an article names few events, and a
# text that repeats one thousands of times must stay linear
HISTORY_REACH: Final = 64
OFF_TOPIC_RATIO: Final = 2


def _named_after(ms: list[Mention], text: str, at: int) -> str | None:
    """The id of the name at ``at``, or after "the " there ("from the Kremlin")."""
    if text.startswith("the ", at):
        at += 4
    for m in ms:
        if m.start == at:
            return m.entry.id
    return None


def _id_tail(field: str, s0: int, s1: int) -> bytes:
    """The sentence's part of an event id's key, which hashes
    "{article_id}\\0{type}\\0{field}\\0{start}\\0{end}" as UTF-8."""
    return f"\x00{field}\x00{s0}\x00{s1}".encode("utf-8", "surrogatepass")


def _bare_match(matches: list[Match], i: int) -> int:
    """Index of the match of token i alone, else -1."""
    for k in range(len(matches)):
        m = matches[k]
        if m.first == i and m.last == i:
            return k
    return -1


def _recent_types(ctx: _Context) -> dict[str, int]:
    """Each type's latest index among the field's last events (``HISTORY_REACH``)."""
    return {t: k for k, (t, _, _) in enumerate(ctx.history[-HISTORY_REACH:])}


def _home_country(ms: list[Mention], actors: list[str], ctx: _Context) -> list[str]:
    """The country an unnamed government belongs to: the one the sentence names most (``ms``:
    its mentions) other than the actor's own ("the Chinese embassy in Manila accused the
    government"), else the actor's own ("Canada's opposition accused the government"), as a
    list (none where the sentence names none)."""
    own = {ctx.country_of(a) for a in actors}
    counts: dict[str, int] = {}
    others: dict[str, int] = {}
    for x in ms:
        home = x.entry.id if x.entry.id.startswith("country:") else x.entry.country
        if home:
            counts[home] = counts.get(home, 0) + 1
            if home not in own:
                others[home] = others.get(home, 0) + 1
    pick = others or counts
    if not pick:
        return []
    return [max(pick, key=pick.__getitem__)]


def _forums_judging(text: str, ms: list[Mention], forums: frozenset[str]) -> set[str]:
    """The bodies of ``forums`` the sentence names after a preposition ("took the case to the
    WTO", "the rules of the WTO") or as a modifier ("WTO rules"), not as the object of a verb
    ("criticised the WTO")."""
    out: set[str] = set()
    for x in ms:
        if x.entry.id in forums:
            b, e = _word_before(text, 0, x.start)
            word = text[b:e].lower()
            if word == "the":
                b, e = _word_before(text, 0, b)
                word = text[b:e].lower()
            nxt = _first_word(text, x.end, x.end + 16).lower().rstrip(".,;:!?\"'\u201d\u2019")
            if word in _FORUM_PREPS or nxt in _FORUM_NOUNS:
                out.add(x.entry.id)  # (or a modifier: "WTO rules", "files WTO complaint")
    return out


_FORUM_NOUNS: Final = frozenset(
    {
        "rules",
        "rule",
        "complaint",
        "complaints",
        "case",
        "cases",
        "consultations",
        "panel",
        "panels",
        "dispute",
        "disputes",
        "ruling",
        "rulings",
        "obligations",
        "commitments",
        "law",
    }
)
_FORUM_PREPS: Final = frozenset(
    {
        "to",
        "at",
        "of",
        "before",
        "under",
        "with",
        "from",
        "by",
        "a",
        "ask",
        "asked",
        "asks",
        "asking",
        "notified",
        "notify",
        "petitioned",
        "including",
    }
)  # ("ask the WTO to rule", "a WTO panel found"): the forum, asked or ruling


def _named_before(text: str, ms: list[Mention], lo: int, hi: int) -> list[str]:
    """The first person, organisation, demonym or country named in ``[lo, hi)``, as a list
    (none: []); not a city, a commodity, nor one after a preposition of place or agent ("the
    oil ministry", "arrested in Germany", "sells drones to Ukraine", "contacted by Reuters")."""
    for x in ms:
        if lo <= x.start and x.end <= hi:
            t = x.entry.type
            if t not in ("PERSON", "ORG", "NORP") and not x.entry.id.startswith("country:"):
                continue
            b, e = _word_before(text, lo, x.start)
            if text[b:e].lower() not in _PLACE_PREPS:
                return [x.entry.id]
    return []


_PLACE_PREPS: Final = frozenset({"by", "in", "to", "from", "with", "into", "across"})


def _clause_ends(text: str, te: int, s1: int) -> bool:
    """Whether the clause ends right after a trigger ending at ``te`` (a comma, a stop or the
    sentence's end comes first, an adverb in -ly aside): nothing is named as its object."""
    i = te
    while i < s1 and text[i] in _CLOSING:
        i += 1
    if i >= s1 or text[i] in ".,;:!?":
        return True
    j = text.find(" ", i, s1)
    word = text[i : j if j >= 0 else s1].rstrip(".,;:!?\u201d\u2019'\"")
    if word in _CLAUSE_OPENERS:  # "called it a fabrication and said ..."
        return True
    return word.endswith("ly") and (j < 0 or text[j - 1] in ".,;:!?" or _clause_ends(text, j, s1))


_CLOSING: Final = " \u201d\u2019'\""
_CLAUSE_OPENERS: Final = frozenset({"and", "but", "as", "after", "while", "saying", "adding"})


def _other_side(ctx: _Context, mine: set[str]) -> list[str]:
    """The one side of the story's two that none of the actors (``mine``: their countries) is
    on ("the Houthis launched a drone at a base": at the government), else nothing."""
    others = [x for x in ctx.sides if x not in mine] if len(ctx.sides) == 2 else []
    return others if len(others) == 1 else []


def _previous_actors(
    ctx: _Context, mine: set[str], named: tuple[str, ...], any_type: bool = True
) -> list[str]:
    """Actors of the last earlier event on another side: of a type the trigger's object names
    if there is one ("rejected the accusation"), else (``any_type``) of any type."""
    recent = ctx.history[-HISTORY_REACH:]
    for wanted in ((named,) if named else ()) + ((None,) if any_type else ()):
        for t, acts, _ in reversed(recent):
            fits = wanted is None or t in wanted
            if fits and acts and not mine & {ctx.country_of(a) for a in acts}:
                return list(acts)
    return []
