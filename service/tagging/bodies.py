"""Government bodies named without their country ("the Commerce Ministry") get the country's.

Two countries each have a Commerce Ministry, so an unseen body's id carries the country it
belongs to, as the labelling convention does (``org:china-commerce-ministry``): the country
named right before it ("China's Commerce Ministry", "Cambodian Defence Ministry"), else the
country the text last named.
"""

from __future__ import annotations

from .entities import Mention
from .gazetteer import Entry
from .text import slug

BODY_REACH = 256  # mentions looked back over for the name a country was last called

# short forms the ids use where a country's slug is long
_SHORT = {"country:USA": "us", "country:GBR": "uk"}


class Bodies:
    def __init__(self, heads: list[str], known: dict[str, Entry]) -> None:
        self.heads = frozenset(heads)
        self.known = known  # surface forms the gazetteer already links
        self.names: dict[str, str] = {}  # country id -> its canonical name
        for e in known.values():
            if e.id.startswith("country:") and e.type == "GPE":
                self.names.setdefault(e.id, e.name)

    def owners(self, fields: list[tuple[str, list[Mention]]]) -> dict[str, Entry]:
        """Unseen bodies an article names right after their owner ("the IAEA's Board of
        Governors"), by name, from all its fields: the bare name elsewhere, the title's
        included, is that body."""
        owned: dict[str, Entry] = {}
        for text, ms in fields:
            for k in range(1, len(ms)):
                m = ms[k]
                if m.entry.type == "ORG" and m.text not in self.known:
                    o = _owned(text, ms[k - 1], m)
                    if o is not m:
                        owned.setdefault(m.text, o.entry)
        # the end of a longer body's name stands for it ("the Development Bank" after
        # "Vostro Development Bank"), where one name ends so and none begins so ("the
        # Development Bank of Kenya")
        ends = _name_ends(fields)
        if ends:
            for text, ms in fields:
                for m in ms:
                    if (
                        m.entry.type == "ORG"
                        and m.text in ends
                        and m.text not in self.known
                        and not text.startswith(" of ", m.end)  # "Development Bank of Kenya"
                    ):
                        e = ends[m.text]
                        if e is not None and e.id != m.entry.id:
                            owned.setdefault(m.text, e)
        return owned

    def qualify(
        self,
        text: str,
        ms: list[Mention],
        bare_seen: dict[str, Entry] | None = None,
        owned: dict[str, Entry] | None = None,
    ) -> list[Mention]:
        """``ms`` (in text order) with unseen government bodies given their country.
        ``bare_seen``: what a bare "Army" was taken for earlier in the article, so that all
        its mentions link to one entity; ``owned``: unseen bodies named with their owner
        (``owners``)."""
        seen = {} if bare_seen is None else bare_seen
        out: list[Mention] = []
        last: str | None = None  # the country most recently named
        for k, m in enumerate(ms):
            e = m.entry
            # a bare "Army" the gazetteer knows as one country's is another's in its context
            # (asked of organisations only: the set look-up is made for no other mention)
            bare = e.type == "ORG" and m.text in self.heads and e.country is not None
            if (
                e.type == "ORG"
                and (bare or m.text not in self.known)
                and self._is_body(m.text)
                and (bare or e.id == "org:" + slug(e.name))  # not one named by its acronym
            ):
                own = _modifier_country(text, ms, k)
                country = own or last
                if bare and not own and m.text in seen:
                    m = m.with_entry(seen[m.text])
                elif country is not None and not (bare and country == e.country):
                    name = _SHORT.get(country) or slug(self._country_name(country, ms, k))
                    body = _body_slug(e.name)
                    m = m.with_entry(Entry(f"org:{name}-{body}", "ORG", e.name, country))
                if bare and not own:
                    seen.setdefault(m.text, m.entry)
            else:
                if owned and e.type == "ORG" and m.text in owned:
                    m = m.with_entry(owned[m.text])
                last = _country(e) or last
            out.append(m)
        return out

    def _is_body(self, name: str) -> bool:
        return not self.heads.isdisjoint(name.split())

    def _country_name(self, country: str, ms: list[Mention], k: int) -> str:
        """The name the text last used for the country ("South Korea"), else its own."""
        for j in range(k - 1, max(-1, k - 1 - BODY_REACH), -1):  # no copy of the list
            m = ms[j]
            if m.entry.id == country and m.entry.type == "GPE":
                return m.text
        return self.names.get(country) or country.split(":", 1)[1]


# a word a body's name drops in its id: "Ministry of National Defence" is the defence ministry
# (and "Ministry of Foreign Affairs" the foreign ministry)
_NAME_FILLER = frozenset(("national",))


def _body_slug(name: str) -> str:
    """The slug of a body's name as the ids have it: "Ministry of Commerce" and "Commerce
    Ministry" are one body, ``commerce-ministry`` (the first portfolio of a list: "Ministry of
    Energy and Mineral Resources" is ``energy-ministry``)."""
    words = name.split()
    if len(words) < 3 or words[1] != "of" or words[0] not in ("Ministry", "Department"):
        return slug(name)
    subject: list[str] = []
    for w in words[2:]:  # up to "and" or a comma: the first portfolio
        if w == "and":
            break
        bare = w.rstrip(",")
        if bare.lower() not in _NAME_FILLER:
            subject.append(bare)
        if bare != w:
            break
    if subject == ["Foreign", "Affairs"]:
        subject = ["Foreign"]
    if not subject:
        subject = [w.rstrip(",") for w in words[2:3]]  # ("Ministry of National ...")
    if "Affairs" in subject:  # ("External Affairs": its own name)
        return slug(name)
    return slug(" ".join(subject)) + "-" + words[0].lower()


def _country(e: Entry) -> str | None:
    """The country an entry is or belongs to. (Its id's first letter is read by code point
    before the prefix is compared: most ids start "person:", "org:" or "place:".)"""
    eid = e.id
    if eid and ord(eid[0]) == 99 and eid.startswith("country:"):
        return eid
    return e.country if e.type in ("GPE", "NORP") else None


def _modifier_country(text: str, ms: list[Mention], k: int) -> str | None:
    """The country of a mention right before ``ms[k]``: "China's X", "Cambodian X"."""
    if k == 0:
        return None
    prev = ms[k - 1]
    gap = text[prev.end : ms[k].start]
    if gap in (" ", "'s ", "’s "):
        return _country(prev.entry)
    return None


def _owned(text: str, owner: Mention, m: Mention) -> Mention:
    """An unseen body named right after the organisation it belongs to ("the IAEA's Board of
    Governors", "the WTO Appellate Body") takes the owner's id as a prefix, as the labelling
    convention does (``org:iaea-board-of-governors``): another's board is another body."""
    e, o = m.entry, owner.entry
    if o.type != "ORG" or e.id != "org:" + slug(e.name):
        return m
    if text[owner.end : m.start] not in (" ", "'s ", "’s "):
        return m
    return m.with_entry(Entry(f"{o.id}-{slug(e.name)}", "ORG", e.name, o.country))


def _name_ends(fields: list[tuple[str, list[Mention]]]) -> dict[str, Entry | None]:
    """Each ending of two or more words of the article's longer body names -> the one body
    whose name ends so (None where two do, or where a name begins with it and " of"); made
    once per article from its distinct names (linear in the names' words)."""
    ends: dict[str, Entry | None] = {}
    names: dict[str, Entry] = {}
    for _, ms in fields:
        for m in ms:
            if m.entry.type == "ORG" and m.text.count(" ") >= 1:
                names.setdefault(m.text, m.entry)
    for name, e in names.items():
        words = name.split()
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            seen = ends.get(tail, e)
            ends[tail] = e if seen is not None and seen.id == e.id else None
    for name in names:
        head, sep, _ = name.partition(" of ")
        if sep and head in ends:
            ends[head] = None
    return ends
