"""Entity mentions: gazetteer matches, then unseen names from capitalisation and context cues."""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any, Final

from .gazetteer import Entry, Gazetteer
from .text import COMPILED, Span, Toks, slug
from .text import lowered as lower_of

# A capitalised-ish word: letters, digits, inner apostrophes/hyphens/dots. No nested quantifiers.
_WORD_RE = re.compile(r"[^\W_][\w'’.-]*")
_CONNECTORS = frozenset(
    [
        "de",
        "del",
        "da",
        "dos",
        "das",
        "von",
        "der",
        "van",
        "den",
        "bin",
        "binti",
        "al",
        "el",
        "la",
        "los",
        "las",
        "of",
        "for",
        "aan",
        "le",
        "du",
        "ibn",
    ]
)
_CAP_RE = re.compile(r"[^\W\d_a-z][\w'’.-]*")
# The same where no letter is outside ASCII (most news, curly quotes aside): 2x faster scan.
_CAP_ASCII_RE = re.compile(r"[A-Z][\w'’.-]*")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _cap_re(text: str) -> re.Pattern[str]:
    """The capitalised-word pattern to scan this text with."""
    if text.isascii() or not any(c.isalnum() for c in set(_NON_ASCII_RE.findall(text))):
        return _CAP_ASCII_RE
    return _CAP_RE


def cap_words_by_regex(text: str) -> tuple[list[int], list[int]]:
    """Spans of the capitalised-word pattern's matches (as Python, at C speed)."""
    spans = _Spans()
    for m in _cap_re(text).finditer(text):
        spans.add(m.start(), m.end())
    return spans.starts, spans.ends


def cap_words(text: str) -> tuple[list[int], list[int]]:
    """The same spans as ``cap_words_by_regex``, by ``scan_cap_words``."""
    spans = _Spans()
    scan_cap_words(text, spans)
    return spans.starts, spans.ends


class WordSink:
    """What is told the span of each capitalised word, in text order. A native class:
    compiled, ``add`` is a method call through the class's table, and the spans need no
    list of boxed ints between the scan and their reader."""

    def add(self, start: int, end: int) -> None:
        """Take the word text[start:end]."""


class _Spans(WordSink):
    """The spans, listed."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)


def scan_cap_words(text: str, sink: WordSink) -> None:
    """The capitalised-word pattern's matches, told to ``sink``. Compiled, the characters
    that may start a word are found by C-speed passes (an encoding, a byte translation, then
    str.find from one to the next) rather than a typed loop reading every character; the
    words they start are read by such a loop."""
    marks = _start_marks(text)
    n = len(text)
    i = marks.find("A")
    while i >= 0:
        o = ord(text[i])
        if 65 <= o <= 90 or (o >= 128 and _wide_cap_start(text[i])):
            j = _cap_word_end(text, i + 1, n)
            sink.add(i, j)
            i = marks.find("A", j)
        else:
            i = marks.find("A", i + 1)  # a "?" or a character beyond ASCII that starts none


def _start_marks(text: str) -> str:
    """A mark per character of text: "A" where it is a capital A-Z, a "?" or beyond ASCII
    (the encoding writes one "?" for each such character), a space elsewhere."""
    return text.encode("ascii", "replace").translate(_MARKS).decode("ascii")


def _marks_table() -> bytes:
    """The byte translation for ``_start_marks``."""
    out = bytearray(b" " * 256)
    for b in range(65, 91):
        out[b] = 65
    out[63] = 65  # "?"
    return bytes(out)


_MARKS: Final = _marks_table()


def _wide_cap_start(c: str) -> bool:
    """Where the pattern's match may start beyond ASCII: a letter that is no digit (there is
    one only where ``_cap_re`` chose the Unicode pattern)."""
    return c.isalnum() and not c.isdecimal()


def _cap_word_end(text: str, j: int, n: int) -> int:
    """Where the pattern's match that goes on at j ends: after the word characters,
    apostrophes, dots and hyphens (the ASCII test written out: a call per character costs
    more)."""
    while j < n:
        o = ord(text[j])
        if o < 128:  # a-z, A-Z, 0-9, _ ' . -
            if not (97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57 or o in (95, 39, 46, 45)):
                break
        elif not (o == 0x2019 or text[j].isalnum()):
            break
        j += 1
    return j


def _joins(gap: str) -> bool:
    """Whether the text between two capitalised words keeps them in one name."""
    if gap == " ":
        return True
    if len(gap) > 12 or gap[:1] != " " or gap[-1:] not in " -":
        return False
    return all(w.rstrip("-") in _CONNECTORS for w in gap.split())


_KEEP_DOT = frozenset({"Jr.", "Sr.", "Inc.", "Corp.", "Co.", "Ltd.", "St."})


def _first_name_of(prev: Mention, text: str, start: int, entry: Entry) -> bool:
    """``prev`` is a one-word person mention right before ``start`` that is the first word of
    ``entry``'s full name."""
    return (
        prev.entry.type == "PERSON"
        and prev.end == start - 1
        and text[prev.end] == " "
        and " " not in prev.text
        and entry.name.startswith(prev.text + " ")
    )


def _beside_capital(text: str, start: int, end: int, dull: frozenset[str]) -> bool:
    """A capitalised word right before or after [start, end) ("Paul Hamilton", "Aurora
    Ramos"), other than one that begins sentences ("In Aurora, ...")."""
    return capital_after(text, end) or _capital_before(text, start, dull)


def capital_after(text: str, end: int) -> bool:
    """A space, then a capital, right after ``end``: a name ending there is part of a longer
    one ("Caspian Sea", "Paul Hamilton")."""
    return text[end : end + 1] == " " and _upper_at(text, end + 1)


def _capital_before(text: str, start: int, dull: frozenset[str]) -> bool:
    """A capitalised word right before ``start``, one space between, other than one that
    begins sentences or any word in capitals."""
    if text[start - 1 : start] != " ":
        return False
    j = start - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j : start - 1]
    return bool(word) and word[0].isupper() and not word.isupper() and word not in dull


class Mention:
    """A name found in a field: where it stands, as written, and the entry it names. A plain
    class rather than a NamedTuple: compiled, it is made by a direct call (one per name
    found) and its fields are read straight from the object (the event finder reads them
    per sentence); ``with_entry`` makes the copy that names another entry."""

    __slots__ = ("end", "entry", "field", "start", "text")

    def __init__(self, field: str, start: int, end: int, text: str, entry: Entry) -> None:
        self.field = field
        self.start = start
        self.end = end
        self.text = text
        self.entry = entry

    def with_entry(self, entry: Entry) -> Mention:
        """The same words naming ``entry``."""
        return Mention(self.field, self.start, self.end, self.text, entry)


class _W:
    """A capitalised word of a run: its span and its text. A plain class, not a NamedTuple:
    compiled, it is a native object, made and read without generic calls."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


class _Runs(WordSink):
    """The runs of capitalised words of a text so far, each word told by the scan: ``seqs``
    the runs closed, ``cur`` the one going on, ``prev_end`` where its last word ends.
    ``taken``: the mentions found already, in order of their starts; [``taken_start``,
    ``taken_end``) the span of the first of them that may hold a word told from now on,
    ``next_taken`` the index of the one after it (words come in text order, so a word's
    start is compared with one span, moved on past the words it holds, rather than looked
    up in a mark per character of the text)."""

    def __init__(self, text: str, taken: list[Mention], org_words: frozenset[str]) -> None:
        self.text = text
        self.taken = taken
        self.next_taken = 0
        self.taken_start = 0
        self.taken_end = 0
        self.org_words = org_words
        self.seqs: list[list[_W]] = []
        self.cur: list[_W] = []
        self.prev_end = -1

    def add(self, start: int, end: int) -> None:
        """A capitalised word at [start, end): what a name finder takes of it (its trailing
        marks and possessive cut, read by code point before its one slice), into a run."""
        text = self.text
        s = start
        if self._is_taken(s) or (s > 0 and text[s - 1].isalnum()) or not _upper_at(text, s):
            return
        e = _trimmed_end(text, s, end)
        if e == s:
            return
        cut = e - s >= 2 and ord(text[e - 1]) == 115 and _is_apostrophe(ord(text[e - 2]))
        if cut:  # "'s", "’s"
            e -= 2
        w = text[s:e]
        cur = self.cur
        if cur and (_gap_joins(text, self.prev_end, s) or self._and_joins(s)):
            cur.append(_W(s, e, w))
        else:
            if cur:
                self.seqs.append(cur)
            cur = [_W(s, e, w)]
            self.cur = cur
        if cut or e < end:  # trailing punctuation or possessive ends the sequence
            self.seqs.append(cur)
            self.cur = []
        self.prev_end = e

    def _is_taken(self, s: int) -> bool:
        """Whether a mention found already holds text[s] (s no less than the last asked)."""
        if s >= self.taken_end:
            self._take_next(s)
        return s >= self.taken_start

    def _take_next(self, s: int) -> None:
        """Move on to the first mention found that ends after s (none: a span past s)."""
        taken = self.taken
        k = self.next_taken
        while k < len(taken) and taken[k].end <= s:
            k += 1
        if k < len(taken):
            self.taken_start = taken[k].start
            self.taken_end = taken[k].end
            self.next_taken = k + 1
        else:
            self.taken_start = self.taken_end = s + 1
            self.next_taken = k

    def _and_joins(self, start: int) -> bool:
        """ "and" inside an organisation's name ("Ministry of Industry and Trade", "Union for
        Renewal and Justice"): the run holds an organisation word and does not end in one
        ("the Foreign Ministry and Defence Ministry" are two)."""
        prev_end = self.prev_end
        cur = self.cur
        return (
            start - prev_end == 5
            and self.text[prev_end:start] == " and "
            and cur[-1].text not in self.org_words
            and any(w.text in self.org_words for w in cur)
        )


def _trimmed_end(text: str, start: int, end: int) -> int:
    """Where the word text[start:end] ends without its trailing dots, hyphens and apostrophes,
    but for a dot that ends one of ``_KEEP_DOT`` ("Jr.")."""
    while end > start:
        o = ord(text[end - 1])
        if not (o == 46 or o == 45 or o == 39 or o == 0x2019):
            break
        if o == 46 and text[start:end] in _KEEP_DOT:
            break
        end -= 1
    return end


def _is_apostrophe(o: int) -> bool:
    """Whether code point o is "'" or "’"."""
    return o == 39 or o == 0x2019


def _gap_joins(text: str, prev_end: int, start: int) -> bool:
    """``_joins(text[prev_end:start])``, its first tests (a single space, a space first, a space
    or hyphen last) read by code point without a slice."""
    k = start - prev_end
    if k < 1 or k > 12 or ord(text[prev_end]) != 32:
        return False  # no gap, a long one, or none that starts with a space
    if k == 1:
        return True
    last = ord(text[start - 1])
    return (last == 32 or last == 45) and _joins(text[prev_end:start])


def _space_or_comma(text: str, k: int) -> bool:
    """Whether text[k] is a comma or white space (ASCII read by code point)."""
    o = ord(text[k])
    if o < 128:
        return o == 44 or o == 32 or 9 <= o <= 13 or 28 <= o <= 31
    return text[k].isspace()


def _upper_at(text: str, k: int) -> bool:
    """``text[k : k + 1].isupper()``, reading a code point where it is ASCII (compiled,
    str.isupper is a generic method call)."""
    if k >= len(text):
        return False
    o = ord(text[k])
    if o < 128:
        return 65 <= o <= 90
    return text[k].isupper()


def _in_one(ms: list[Mention], k: int) -> bool:
    """Whether one of ``ms`` (a dateline's one or two) holds text[k]."""
    return any(m.start <= k < m.end for m in ms)


_by_start = attrgetter("start")  # Mention.start


def sort_by_start(ms: list[Mention]) -> None:
    """``ms.sort(key=_by_start)``. Mentions come in a few runs each in order (a field's
    names, then its goods, then its unseen names), so a short list is put in order by moving
    each one back past those after it (compiled, typed reads and writes, no key call per
    mention); a long one, where that may move many, by the sort."""
    if len(ms) > 64:
        for k in range(1, len(ms)):
            if ms[k - 1].start > ms[k].start:
                ms.sort(key=_by_start)
                return
        return
    for k in range(1, len(ms)):
        m = ms[k]
        s = m.start
        j = k
        while j > 0 and ms[j - 1].start > s:  # stable: an equal start stays before
            ms[j] = ms[j - 1]
            j -= 1
        if j < k:
            ms[j] = m


class NameFinder:
    """Finds entity mentions in one field; compiled once from the cue lists."""

    def __init__(self, gaz: Gazetteer, cues: dict[str, list[str]]) -> None:
        self.gaz = gaz
        self.title_words = frozenset(w for t in cues.get("titles", []) for w in t.split())
        # the word a title ends in ("Minister", "Spokesman"): a name may follow it
        self.title_heads = frozenset(t.split()[-1] for t in cues.get("titles", []) if t.split())
        self.org_words = frozenset(cues.get("org_words", []))
        self.not_entity = frozenset(cues.get("not_entity_words", []))
        self.start_stop = frozenset(cues.get("sentence_start_stop", []))
        self.common = frozenset(cues.get("common_capitalised", []))
        self.role_after = frozenset(w.lower() for w in cues.get("person_roles_after", []))
        self.verb_after = frozenset(w.lower() for w in cues.get("person_verbs_after", []))
        self.body_verbs = frozenset(w.lower() for w in cues.get("body_verbs_after", []))
        self.org_roles = frozenset(w.lower() for w in cues.get("org_roles_after", []))
        # bodies a country's name qualifies ("Chinese Foreign Ministry": see bodies.py)
        self.gov_heads = frozenset(cues.get("government_bodies", []))
        # "near Almalyk", "the town of Tawila": words before an unseen name that make it a place
        self.place_before = tuple(
            sorted({" " + w.lower() + " " for w in cues.get("place_words_before", [])}, key=len)
        )
        self.place_after = frozenset(w.lower() for w in cues.get("place_words_after", []))
        # "state oil company Pemex", "a spokesperson for Vitol": words in lower case before
        # an unseen one-word name that make it an organisation
        self.org_before = tuple(
            sorted({" " + w.lower() + " " for w in cues.get("org_words_before", [])}, key=len)
        )
        # the characters the last of those words may end in, in either case ("r" of "near")
        self._place_ends = "".join(sorted({c for w in self.place_before for c in w[-2:-1]}))
        self._place_ends += self._place_ends.upper()
        # a lone word of these names nothing (_classify drops it): most runs are one of them
        self._dull = self.common | self.start_stop
        # words of a body's description, no name of its own ("Foreign Ministry")
        self._generic = self.gov_heads | self.title_words | self.org_words | _CONNECTORS

    def find(
        self,
        field: str,
        text: str,
        sents: list[Span],
        words: list[Toks],
        surnames: dict[str, Entry],
        title_case: bool = False,
        cut: list[int] | None = None,
    ) -> list[Mention]:
        """Mentions of one field (``words``: its sentences' tokens); ``title_case``: a
        headline In Which Every Word Is Capitalised. ``cut``: given for a body, told where
        its dateline ends (``dateline_end``), as found here (its regex run once)."""
        if not text:
            return []
        lowered = lower_of(text)  # made once by the tokeniser
        if len(lowered) != len(text):
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        out: list[Mention] = []
        dull = self._dull
        named: set[str] = set()  # minor place names met inside a longer name
        line = self._dateline(field, text, cut) if field == "body" else []
        orgs = self.org_words
        for hit in self.gaz.find(text, lowered, words):
            start, end, entry = hit.start, hit.end, hit.entry
            if entry is None or (line and _in_one(line, start)):
                continue
            name = text[start:end]  # sliced once: compiled, each slice is a new str
            if hit.minor and (name in named or _beside_capital(text, start, end, dull)):
                # "Vladimir Medinsky": a person, not the city of Vladimir; and "Oshana" after
                # "Oshana Mobile" is the company again, not the region
                named.add(name)
                continue
            if (
                not title_case  # "Pakistan Says Navy Intercepted ...": every word a capital
                and (
                    (entry.type == "ORG" and name in orgs)
                    or (
                        entry.type == "COMMODITY"
                        and _upper_at(text, start)
                        and not name.isupper()  # "Russian LNG" is the good
                    )
                )
                and _after_unknown_capital(text, start, out, dull)  # not "Arab Potash"
            ):
                # the end of a longer name no list knows: "Shan Hills Liberation Army" (not
                # "Army"), "Jiangnan Hengda Steel" (no good)
                continue
            if (
                entry.type == "PERSON"
                and not title_case  # every word is capitalised there: "Trump Threatens Canada"
                and _upper_at(text, end + 1)
                and self._other_name(text, start, end)
            ):
                continue  # "Abbas Sadeghi": not Mahmoud Abbas
            if out and entry.type == "PERSON" and _first_name_of(out[-1], text, start, entry):
                # "Abbas Araghchi": a first name before a known surname spelling is his
                prev = out.pop()
                start = prev.start
                name = text[start:end]
            out.append(Mention(field, start, end, name, entry))
        out[:0] = line
        # in order for _Runs (the names in order, then the goods): the order of the mentions
        # added below does not change, none of them starts where another does
        sort_by_start(out)
        starts = {s.start for s in sents}
        dull = self._dull
        # a nationality or country right before an unseen organisation's name is part of it
        # ("Sudanese Armed Forces", "China Coast Guard")
        known = len(out)  # the mentions before the unseen ones: the owners among them
        for seq in self._sequences(text, out):
            if len(seq) == 1 and seq[0].text in dull:
                continue
            m = self._classify(field, text, seq, starts, surnames)
            if m is None:
                continue
            k = _owner_before(out, known, m.start) if text[m.start - 1 : m.start] == " " else -1
            if k >= 0 and self._owned(m):
                start = out[k].start
                out[k] = _unseen(field, start, m.end, text[start : m.end], "ORG")
                continue
            out.append(m)
        sort_by_start(out)
        return out

    def dateline_end(self, text: str) -> int:
        """Where a wire dateline ends (0: none): what it names acts in no event."""
        m, _ = self._dateline_match(text)
        return 0 if m is None else m.end()

    def _dateline_match(self, text: str) -> tuple[re.Match[str] | None, Entry | None]:
        """The dateline at the start of a body, if that is one, and its city if known: a known
        city, or any name in capitals with a date or an agency, or in title case with a date
        ("BREAKING -", "US - China talks", "NATO -" are none)."""
        m = _DATELINE_RE.match(text) or _DATELINE_TITLE_RE.match(text)
        if m is None:
            return None, None
        city = m.group(1)
        known = self.gaz.forms.get(city.title()) or self.gaz.forms.get(city)
        if known is not None and (known.type != "GPE" or known.id.startswith("country:")):
            return None, None  # an organisation or a country, not where a story was filed
        if known is None and not (m.group(2) or m.group(3)):
            return None, None
        return m, known

    def _dateline(self, field: str, text: str, cut: list[int] | None = None) -> list[Mention]:
        """A wire story's dateline ("LIMA, Feb 12 (Andes Wire) -"): its city, in capitals, is
        a place; the agency in brackets is an organisation. ``cut`` is told where it ends."""
        m, known = self._dateline_match(text)
        if m is None:
            return []
        if cut is not None:
            cut.append(m.end())
        out: list[Mention] = []
        city = m.group(1)
        if known is not None:
            out.append(Mention(field, m.start(1), m.end(1), city, known))
        elif slug(city):
            entry = _unseen(field, m.start(1), m.end(1), city.title(), "GPE").entry
            out.append(Mention(field, m.start(1), m.end(1), city, entry))
        if m.group(3):
            agency = m.group(3)
            known = self.gaz.forms.get(agency)
            if known is not None and known.type == "ORG":
                out.append(Mention(field, m.start(3), m.end(3), agency, known))
            elif slug(agency):
                out.append(_unseen(field, m.start(3), m.end(3), agency, "ORG"))
        return out

    def _owned(self, m: Mention) -> bool:
        """An unseen organisation of two or more words that is no government body (those
        take their country's id apart: bodies.py): it ends in no body's name ("Ministry"),
        or words of its own come before it ("Hills Liberation Army", not "Defence Ministry")."""
        words = m.text.split()
        if m.entry.type != "ORG" or len(words) < 2:
            return False
        return words[-1] not in self.gov_heads or not all(w in self._generic for w in words[:-1])

    def _sequences(self, text: str, taken: list[Mention]) -> list[list[_W]]:
        """Runs of capitalised words joined by single spaces (and name particles), of the
        words no mention of ``taken`` (in order of their starts) holds."""
        runs = _Runs(text, taken, self.org_words)
        if COMPILED:
            scan_cap_words(text, runs)
        else:
            for m in _cap_re(text).finditer(text):
                runs.add(m.start(), m.end())
        if runs.cur:
            runs.seqs.append(runs.cur)
        return runs.seqs

    def _classify(
        self, field: str, text: str, seq: list[_W], starts: set[int], surnames: dict[str, Entry]
    ) -> Mention | None:
        words = list(seq)
        while words and words[-1].text in _CONNECTORS:
            words.pop()
        titled = False
        if words and (
            words[0].text in self.start_stop
            or (words[0].start in starts and words[0].text in self.common)
        ):
            words = words[1:]
        k = _last_title(words, self.title_heads)
        if 0 <= k < len(words) - 1 and not any(w.text in self.org_words for w in words[k + 1 :]):
            # "Energy Minister Saleh al-Khasawneh": a title, then the person who holds it
            words, titled = words[k + 1 :], True
        elif any(w.text in self.org_words for w in words):
            while words and (words[0].text in self.common or words[0].text == "The"):
                if words[0].text in self.org_words:
                    break
                words = words[1:]
            if len(words) >= 2 and not any(w.text in self.not_entity for w in words):
                name = text[words[0].start : words[-1].end]
                key = slug(name)
                if not key:
                    return None
                return _unseen(field, words[0].start, words[-1].end, name, "ORG", key)
            return None
        while words and (words[0].text in self.title_words or words[0].text in self.common):
            titled = titled or words[0].text in self.title_words
            words = words[1:]
        while words and words[-1].text in self.common:
            words.pop()
        while words and words[0].text in _CONNECTORS:
            words = words[1:]
        if not words or any(w.text in self.not_entity for w in words):
            return None
        if any(w.text[0].isdigit() for w in words) and not (
            len(words) == 1 and words[0].text.isupper()
        ):
            return None
        name = text[words[0].start : words[-1].end]
        s, e = words[0].start, words[-1].end
        if not _keyed(name):
            return None  # no letter an id can carry ("Σ"): no entity rather than "person:"
        if len(words) == 1:
            w = words[0].text
            hit = surnames.get(w)
            if hit is not None:
                return Mention(field, s, e, name, hit)
            if w in self.common or w in self.start_stop:
                return None
            # an unseen acronym; one with digits is a product or model ("H20", "F35") unless
            # the gazetteer knows it ("G20")
            if w.isupper() and 2 <= len(w) <= 6 and w.isalpha() and s not in starts:
                return _unseen(field, s, e, name, "ORG")
            if not titled and self._place_before(text, s):
                return _unseen(field, s, e, name, "GPE")  # "the region of X met": a place
            if not titled and self._org_before(text, s):
                return _unseen(field, s, e, name, "ORG")
            if titled or (s not in starts and self._person_context(text, e)):
                return _unseen(field, s, e, name, "PERSON")
            if self._org_context(text, s, e):
                return _unseen(field, s, e, name, "ORG")
            if self._place_after(text, e):
                return _unseen(field, s, e, name, "GPE")
            return None
        if len(words) > 5 or any(w.text.isupper() and len(w.text) > 1 for w in words):
            return None
        if not titled and self._place_before(text, s):
            return _unseen(field, s, e, name, "GPE")
        if titled or self._person_context(text, e):
            return _unseen(field, s, e, name, "PERSON")
        if self._place_after(text, e):
            return _unseen(field, s, e, name, "GPE")
        if len(words) <= 4:
            return _unseen(field, s, e, name, "PERSON")
        return None

    def _place_before(self, text: str, start: int) -> bool:
        """An unseen name right after "near" or "the town of": a place, whatever follows."""
        if (
            start < 2
            or ord(text[start - 1]) != 32
            or not _code_in(self._place_ends, text, start - 2)
        ):
            return False  # no such word ends right before: no lowered slice of the text made
        return (" " + text[max(0, start - 24) : start].lower()).endswith(self.place_before)

    def _org_before(self, text: str, start: int) -> bool:
        """An unseen one-word name right after "company" or "a spokesperson for", written in
        lower case: an organisation, whatever verb follows ("company Pemex said")."""
        if start < 2 or ord(text[start - 1]) != 32 or not text[start - 2].islower():
            return False  # no lower-case word ends right before: no slice of the text made
        return (" " + text[max(0, start - 24) : start]).endswith(self.org_before)

    def _place_after(self, text: str, end: int) -> bool:
        """An unseen name right before "province": a place, not a person. (Its callers ask
        after _place_before's words first: a place word before the name is known absent.)"""
        if text[end : end + 1] != " ":
            return False
        j = _word_end(text, end + 1, len(text))
        return j > end + 1 and text[end + 1 : j].lower().rstrip(".,") in self.place_after

    def _other_name(self, text: str, start: int, end: int) -> bool:
        """A one-word known name ("Abbas") followed by a capitalised word that no list knows:
        the start of someone else's full name."""
        if text[end : end + 1] != " " or " " in text[start:end]:
            return False
        m = _WORD_RE.match(text, end + 1)
        if m is None or not m.group()[0].isupper():
            return False
        w = m.group().rstrip(".,'’")
        return not (
            w in self.gaz.forms
            or w in self._dull
            or w in self.title_words
            or w in self.org_words
            or w in self.not_entity
            or w.isupper()
        )

    def _org_context(self, text: str, start: int, end: int) -> bool:
        """'a Belaruskali spokesperson', 'the Lumeon board': a name between an article and
        the people or bodies of an organisation is that organisation."""
        before = text[max(0, start - 4) : start].lower()
        if not before.endswith(("a ", "an ", "the ")):
            return False
        if text[end : end + 1] != " ":
            return False  # the first word after the name stands right after a space, or none
        j = _word_end(text, end + 1, min(len(text), end + 24))
        return j > end + 1 and text[end + 1 : j].lower().rstrip(".,") in self.org_roles

    def _person_context(self, text: str, end: int) -> bool:
        """A verb or ", a <role>" right after the name: a person."""
        if end >= len(text) or not _space_or_comma(text, end):
            return False  # what follows is no " " or "," then a word (read before any search)
        lim = min(len(text), end + 40)  # the words are read within 40 characters
        i = _word_start(text, end, lim)
        if i < 0:
            return False
        j = _word_end(text, i, lim)
        nxt = text[i:j].lower().rstrip(".,")
        gap = text[end:i]
        if gap.strip() == "," and nxt in ("a", "an", "the"):
            i = _word_start(text, j, lim)
            return (
                i >= 0 and text[i : _word_end(text, i, lim)].lower().rstrip(".,") in self.role_after
            )
        return gap == " " and nxt in self.verb_after

    def speakers(
        self,
        field: str,
        text: str,
        sents: list[Span],
        ms: list[Mention],
        table: dict[str, Entry],
        everyone: list[Mention],
        guessed: dict[str, Entry],
    ) -> list[Mention]:
        """Add the unseen one-word names that open a sentence and speak ("Naftogaz declined
        to comment", "Castaño said"): the article's own name they stand for where the
        surname ``table`` or ``everyone``'s names have it; else, in a body only, a person
        where "who" opens a clause after it or "he" or "she" follows the verb, or a body
        (``guessed``, to be found where else it stands). A word ending in "s" is passed
        over ("Traders said": a group of people, at the cost of a body named "Airbus"). Run
        once the article's names are known, with ``ms`` in order."""
        added: list[Mention] = []
        short: dict[str, Entry] | None = None
        k = 0
        for sent in sents:
            s = sent.start
            e = _cap_word_end(text, s, sent.end) if _upper_at(text, s) else s
            if e - s < 3:
                continue
            after = e  # where the verb's space stands: after the name or its apposition
            if not self._body_verb_after(text, e):
                after = _apposed(text, e)
                if after == e or not self._body_verb_after(text, after):
                    continue
            while k < len(ms) and ms[k].end <= s:
                k += 1
            if k < len(ms) and ms[k].start < e:
                continue  # a name found already
            w = text[s:e]
            if w.endswith("s") or w in self._dull or w in self._generic or w in self.not_entity:
                continue
            if short is None:
                short = short_forms(everyone)
            entry = table.get(w) or short.get(w) or guessed.get(w)
            if entry is not None:
                added.append(Mention(field, s, e, w, entry))
            elif field == "body":  # a headline's "Study says" names no one
                who = text.startswith(", who ", e)
                kind = "PERSON" if who or self._he_or_she_after(text, after) else "ORG"
                m = _unseen(field, s, e, w, kind)
                if kind == "ORG":
                    guessed[w] = m.entry
                added.append(m)
        if not added:
            return ms
        out = ms + added
        sort_by_start(out)
        return out

    def _body_verb_after(self, text: str, end: int) -> bool:
        """A speech verb, or "declined", right after the name and a space."""
        if text[end : end + 1] != " ":
            return False
        j = _word_end(text, end + 1, min(len(text), end + 24))
        return j > end + 1 and text[end + 1 : j].lower().rstrip(".,") in self.body_verbs

    def _he_or_she_after(self, text: str, end: int) -> bool:
        """Whether "he" or "she" is the word after the verb that follows ``end`` ("Brezovsky
        said he would": a person)."""
        j = _word_end(text, end + 1, min(len(text), end + 24))
        return text.startswith((" he ", " she "), j)


def _apposed(text: str, end: int) -> int:
    """Where an apposition or a relative clause right after a name ends (", the world's
    largest meatpacker,", ", which owns the Hennessy brand,"), before the space that follows
    it; else ``end``. (A comma is looked for first, by code point: compiled, startswith with
    a tuple is a generic call, and most names have none after them.)"""
    if end >= len(text) or ord(text[end]) != 44:  # ","
        return end
    if not text.startswith((", the ", ", a ", ", an ", ", which ", ", who "), end):
        return end
    j = text.find(",", end + 2, end + 80)
    return j + 1 if j > 0 else end


def short_forms(ms: list[Mention]) -> dict[str, Entry]:
    """The words that may stand alone for a name of the article beyond the surname table's
    (which has a person's last word and a body's leading ones): a one-word name itself
    ("Brezovsky" found elsewhere) and a person's middle words ("Castaño" of "Hernán Castaño
    Rueda"); of names in capitalised words only (not "Shares of Castellan")."""
    out: dict[str, Entry] = {}
    for m in ms:
        words = m.text.split()
        if len(words) == 1:
            out.setdefault(words[0], m.entry)
        elif m.entry.type == "PERSON" and all(w[:1].isupper() for w in words):
            for w in words[1:-1]:
                out.setdefault(w, m.entry)
    return out


def _code_in(chars: str, text: str, i: int) -> bool:
    """``text[i] in chars`` for a few characters, compared by code point (compiled, no str
    of one character and no generic containment test)."""
    o = ord(text[i])
    return any(ord(chars[k]) == o for k in range(len(chars)))


def _keyed(name: str) -> bool:
    """Whether ``slug(name)`` is not empty: so where the name starts with an ASCII letter
    (a capitalised word's first one), made only otherwise (most names it is asked of are
    not made into an id: a known surname, a title alone, no cue)."""
    o = ord(name[0])
    return 65 <= o <= 90 or 97 <= o <= 122 or bool(slug(name))


def _word_start(text: str, i: int, lim: int) -> int:
    """Where the first match of ``_WORD_RE`` in text[i:lim] starts (-1: none), by code point
    (compiled, a regex search and its match's methods are generic calls): at the first
    letter or digit."""
    while i < lim:
        if _alnum_at(text, i):
            return i
        i += 1
    return -1


def _word_end(text: str, i: int, lim: int) -> int:
    """Where the match of ``_WORD_RE`` at i in text[:lim] ends (i: none there)."""
    if i >= lim or not _alnum_at(text, i):
        return i
    return _cap_word_end(text, i + 1, lim)


def _alnum_at(text: str, i: int) -> bool:
    """``text[i].isalnum()``, reading a code point where it is ASCII (a regex word character
    other than "_")."""
    o = ord(text[i])
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57
    return text[i].isalnum()


# how an unseen name's id starts, by its type (the spaCy backend's names too)
ID_PREFIX = {"PERSON": "person:", "ORG": "org:", "GPE": "place:", "NORP": "norp:"}


def _unseen(
    field: str, start: int, end: int, name: str, etype: str, key: str | None = None
) -> Mention:
    """A name no list knows, as a mention of its type with an id made from its own words
    (``key``: ``slug(name)``, where the caller has made it already)."""
    entry = Entry(ID_PREFIX[etype] + (slug(name) if key is None else key), etype, name, None)
    return Mention(field, start, end, name, entry)


# "LIMA, Feb 12 (Andes Wire) -", "KUNMING, China, Oct 3 -", "KYIV (Reuters) -": a city in
# capitals, an optional country and date, an optional agency in brackets, then a dash
_DATELINE_RE = re.compile(
    r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]*){0,3}),?(?: [A-Z][a-z]+(?: [A-Z][a-z]+)?,?)?"
    r"( [A-Z][a-z]{2,8}\.? \d{1,2},?)?"
    r"(?: \(([A-Z][\w&.’' -]{1,40})\))? ?[-–—] "
)
# "Doha, 22 January —", "Abuja, Feb 15 (Sahel Wire) -": a city in title case, then a date
_DATELINE_TITLE_RE = re.compile(
    r"([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2}),"
    r"( \d{1,2} [A-Z][a-z]{2,8}\.?,?| [A-Z][a-z]{2,8}\.? \d{1,2},?)"
    r"(?: \(([A-Z][\w&.’' -]{1,40})\))? ?[-–—] "
)


def _last_title(words: list[_W], titles: frozenset[str]) -> int:
    """Index of the last title word of a run ("Energy Minister X": 1), or -1."""
    for k in range(len(words) - 1, -1, -1):
        if words[k].text in titles:
            return k
    return -1


def _after_unknown_capital(text: str, start: int, out: list[Mention], dull: frozenset[str]) -> bool:
    """A capitalised word no list knows stands right before ``start`` (none of the mentions
    found so far ends there)."""
    return not (out and out[-1].end == start - 1) and _capital_before(text, start, dull)


def _owner_before(out: list[Mention], known: int, start: int) -> int:
    """Index of the last of out[:known] that ends right before the space before ``start`` and
    may own the name there (see _owns_names), or -1. Searched where an unseen name asks (a
    few per field), not mapped for every mention beforehand."""
    for k in range(known - 1, -1, -1):
        m = out[k]
        if m.end == start - 1 and _owns_names(m.entry):
            return k
    return -1


def _owns_names(e: Entry) -> bool:
    """A nationality or a country (not a city): it may open an organisation's name."""
    return e.type == "NORP" or (e.type == "GPE" and e.id.startswith("country:"))


# particles joined to an Arabic surname, which later mentions may drop ("al-Maskari")
_SURNAME_PARTICLES: Final = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


def surname_table(mentions: list[Mention], base: dict[str, Entry]) -> dict[str, Entry]:
    """Last names (and first of Asian-order names we know) of every PERSON named in full.

    The first word of a two- or three-word name links too, unless taken: a family
    name may come first ("Lin Jian" ... "Lin said"), and news rarely calls anyone by a given
    name alone."""
    table = dict(base)
    firsts: dict[str, Entry] = {}
    for m in mentions:
        if m.entry.type == "PERSON":
            parts = m.entry.name_words()
            if len(parts) > 1:
                last = parts[-1]
                table[last] = m.entry
                head, _, bare = last.partition("-")
                if bare and head.lower() in _SURNAME_PARTICLES:
                    table.setdefault(bare, m.entry)  # "Yusuf al-Maskari" ... "Maskari said"
                if len(parts) <= 3 and len(parts[0]) >= 2:
                    firsts.setdefault(parts[0], m.entry)
    for first, e in firsts.items():
        table.setdefault(first, e)
    return table


def group(mentions: list[Mention]) -> list[dict[str, Any]]:
    """Mentions -> entity dicts, one per (id, type), deterministic order. Grouped by id first
    (its str hash is kept, a key tuple's is not), then by type where an id has two (rare)."""
    by_id: dict[str, list[Mention]] = {}
    for m in mentions:
        eid = m.entry.id
        ms = by_id.get(eid)
        if ms is None:
            by_id[eid] = [m]
        else:
            ms.append(m)
    out: list[dict[str, Any]] = []
    for eid in sorted(by_id):
        ms = by_id[eid]
        etype = ms[0].entry.type
        if _one_type(ms, etype):
            out.append(_entity(eid, etype, ms))
            continue
        for t in sorted({m.entry.type for m in ms}):
            out.append(_entity(eid, t, [m for m in ms if m.entry.type == t]))
    return out


def _one_type(ms: list[Mention], etype: str) -> bool:
    """Whether every mention's entity is of this type."""
    return all(m.entry.type == etype for m in ms)


def _entity(eid: str, etype: str, ms: list[Mention]) -> dict[str, Any]:
    """The entity dict of one (id, type) and its mentions, in text order."""
    if len(ms) > 1:  # most entities are named once: nothing to order or choose
        if not _in_mention_order(ms):  # they mostly come in order: a check, no sort
            ms.sort(key=_mention_order)
        name = _longest_name(ms)
    else:
        name = ms[0].entry.name
    d: dict[str, Any] = {"id": eid, "type": etype, "name": name}
    for m in ms:
        if m.entry.country:
            d["country"] = m.entry.country
            break
    d["mentions"] = [{"field": m.field, "start": m.start, "end": m.end, "text": m.text} for m in ms]
    return d


def _mention_order(m: Mention) -> tuple[bool, int, int]:
    return m.field != "title", m.start, m.end


def _in_mention_order(ms: list[Mention]) -> bool:
    """Whether ``ms`` is sorted by ``_mention_order`` already (a stable sort would leave it as
    it is), compared field by field: no key tuples, no generic sort call."""
    for k in range(1, len(ms)):
        a, b = ms[k - 1], ms[k]
        a_body, b_body = a.field != "title", b.field != "title"
        if a_body != b_body:
            if a_body:
                return False
        elif a.start != b.start:
            if a.start > b.start:
                return False
        elif a.end > b.end:
            return False
    return True


def _longest_name(ms: list[Mention]) -> str:
    """The longest of the mentions' entry names, the first in str order of those as long
    (``min`` of the distinct names by (-len, name)): one pass, no set of the names."""
    name = ms[0].entry.name
    for k in range(1, len(ms)):
        n = ms[k].entry.name
        if len(n) > len(name) or (len(n) == len(name) and n < name):
            name = n
    return name
