"""The geopulse tagger: entities and geopolitical/trade events from article text. No Kafka here.

from service.tagging import load_tagger
tagger = load_tagger()                     # compiles all rule data once
entities, events = tagger.tag("id-1", body, title)
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

from .. import __version__
from .bodies import Bodies
from .classifier import ArticleModel
from .entities import Mention, NameFinder, capital_after, group, sort_by_start, surname_table
from .events import EventFinder, off_topic
from .gazetteer import Entry, Gazetteer
from .rules import RulesError, check_rules, load_rules
from .targets import ActorModel, TargetModel, event_places
from .text import clean, sentences, slug, tokenize_sentences

__all__ = ["RulesError", "Tagger", "check_rules", "load_tagger"]

FIELDS = ("title", "body")


class Tagger:
    def __init__(self, rules: dict[str, Any], ner: str = "rules") -> None:
        self.rules = rules
        self.gaz = Gazetteer(rules)
        self.names = NameFinder(self.gaz, rules["cues"])
        self.events = EventFinder(rules, self.names.title_words)
        self.bodies = Bodies(rules["cues"].get("government_bodies", []), self.gaz.forms)
        self.article_model = ArticleModel(rules.get("article_model", {}))
        self.actor_model = ActorModel(rules.get("actor_model", {}))
        self.target_model = TargetModel(rules.get("target_model", {}))
        self.ner = ner
        # words that cannot stand for an organisation named by them: descriptions and titles,
        # and words too general ("Pacific", "Liberty": generic_name_words)
        names = self.names
        self._not_short = (
            names.org_words
            | names.title_words
            | names.not_entity
            | names.common
            | names.start_stop
            | frozenset(rules["cues"].get("generic_name_words", []))
        )
        self._stat: Any = None
        if ner == "spacy":
            from .statistical import SpacyNames

            self._stat = SpacyNames(self.gaz, self.names.title_words, self.names.not_entity)
        elif ner != "rules":
            raise ValueError(f"unknown ner backend {ner!r} (expected 'rules' or 'spacy')")
        self.info: dict[str, str] = {
            "name": "geopulse",
            "version": __version__,
            "ruleset": rules["ruleset"],
        }

    def _seen_only(self, title_ms: list[Mention], body_ms: list[Mention]) -> list[Mention]:
        """A title-case headline's names the gazetteer knows or the body names too: its
        capitals alone ("Trump Cuts Off Trade Talks") make no name."""
        known = self.gaz.forms
        in_body = {m.text for m in body_ms}
        return [m for m in title_ms if m.text in known or m.text in in_body]

    def _short_names(self, ms: list[Mention], table: dict[str, Entry]) -> None:
        """Shorter forms of names an article gives in full (adds to ``table``; a form already
        there keeps its entry). An unseen organisation ("Kalahari Mobile", "Qamar Crest
        Shipping") is later called by its leading words ("Kalahari", "Qamar Crest"), as a
        person by a surname; a person of three or more words by the last two ("Ruth Ayen Lado"
        ... "Ayen Lado")."""
        known, orgs = self.gaz.forms, self.names.org_words
        # (the type and the spaces are asked first: a text is split only where its words are
        # used, not for each of the many places and two-word names)
        for m in ms:
            e = m.entry
            text = m.text
            if e.type == "PERSON":
                if text.count(" ") >= 2 and e.name == text:
                    words = text.split(" ")
                    table.setdefault(" ".join(words[-2:]), e)
                continue
            if e.type != "ORG":
                continue
            spaces = text.count(" ")  # (split(" ") makes one word more)
            if not (spaces == 1 or spaces == 2) or text in known:
                continue  # (four words and more name a movement or a body by a region)
            words = text.split(" ")
            first = words[0]
            if (
                len(first) >= 3
                and first[0].isupper()
                and not first.isupper()  # "EU Council": the acronym is a name of its own
                and (first not in known or first in self.gaz.minor)  # a minor place: "Oshana"
                and first not in self._not_short  # "Pacific Gas" ... "Pacific nations"
            ):
                table.setdefault(first, e)
                if len(words) == 3 and words[1] not in orgs:
                    table.setdefault(" ".join(words[:2]), e)

    def tag(
        self, article_id: str, body: str | None, title: str | None = ""
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(entities, events) for one article.

        Any str input is valid (tests fuzz it). Should a rule or code bug still raise, the
        exception propagates on purpose: the pipeline dead-letters the article as
        ``tagger_error`` instead of emitting it with nothing found as if all were well.
        """
        texts = {"title": clean(title or ""), "body": clean(body or "")}
        sents = {f: sentences(texts[f]) for f in FIELDS}
        words = {f: tokenize_sentences(texts[f], sents[f]) for f in FIELDS}
        base = self.gaz.surnames
        headline = _title_case(texts["title"])
        line_end: list[int] = []  # where the body's dateline ends, if it has one
        found = {
            f: self.names.find(
                f,
                texts[f],
                sents[f],
                words[f],
                base,
                f == "title" and headline,
                line_end if f == "body" else None,
            )
            for f in FIELDS
        }
        if self._stat is not None:
            for f in FIELDS:
                found[f] = self._stat.merge(f, texts[f], found[f])
        if found["title"] and headline:
            found["title"] = self._seen_only(found["title"], found["body"])
        table = surname_table(found["title"] + found["body"], base)
        self._short_names(found["title"] + found["body"], table)
        if len(table) > len(base):
            # a two-letter surname ("Cá", "Li") links, a capitalised function word ("He") not
            # (surname_table copies base and _short_names only adds: the names not in base
            # come after its names in the table's order, read from its end, not skipped to)
            added = list(islice(reversed(table.items()), len(table) - len(base)))
            added.reverse()
            extra = [
                (s, e)
                for s, e in added
                if s not in base and (len(s) >= 3 or (len(s) == 2 and s not in self._not_short))
            ]
            for f in FIELDS:
                found[f] = _relink(f, texts[f], found[f], table, extra)
        everyone = found["title"] + found["body"]
        guessed: dict[str, Entry] = {}
        for f in FIELDS:
            found[f] = self.names.speakers(
                f, texts[f], sents[f], found[f], table, everyone, guessed
            )
        if guessed:  # "Naftogaz declined to comment": "between Naftogaz and Gazprom" too
            bodies = list(guessed.items())
            for f in FIELDS:
                found[f] = _relink(f, texts[f], found[f], {}, bodies)
        acronyms = _acronyms(found["title"] + found["body"], self.gaz.forms)
        if acronyms:
            for f in FIELDS:
                found[f] = [_expand(m, acronyms) for m in found[f]]
        bare: dict[str, Entry] = {}
        owned = self.bodies.owners([(texts[f], found[f]) for f in FIELDS])
        for f in FIELDS:
            found[f] = self.bodies.qualify(texts[f], found[f], bare, owned)
        mentions = found["title"] + found["body"]
        # the city and agency of a dateline ("LIMA, Feb 12 (Andes Wire) -") are entities, but
        # where a story was filed acts in none of its events
        cut = line_end[0] if line_end else 0
        acting = [m for m in found["body"] if m.start >= cut] if cut else found["body"]
        # the body first: the title may refer to the sides its story sets up
        sides: list[str] = []
        topic = [0, 0, 0]
        stems: list[frozenset[str]] = []  # the article's stems, built by either call at most
        modelled: list[str] = []  # the ids of the events the sentence model made
        body_events = self.events.find(
            article_id,
            "body",
            texts["body"],
            sents["body"],
            words["body"],
            acting,
            sides,
            topic,
            [words["title"]],  # the title's tokens, for words the whole article must hold
            stems,
            modelled,
        )
        events = self.events.find(
            article_id,
            "title",
            texts["title"],
            sents["title"],
            words["title"],
            found["title"],
            sides,
            topic,
            [words["body"]],  # the body's tokens, for the title
            stems,
            modelled,
        )
        events.extend(body_events)
        # the model adds to a story the rules show is one; it starts none (a storm's "assault on
        # the coast"), nor do the story-level events drawn from its events (story_talks)
        modelled_only = bool(modelled) and _all_modelled(events, modelled)
        events = self.events.story_talks(article_id, events, mentions)
        if events and off_topic(topic[0], topic[1], topic[2], _one_country(mentions)):
            events = []  # a match report's "attack" or a forecast's "warning" is no event
        if events and self.article_model.nothing_to_find((words["title"], words["body"])):
            events = []  # the same, as the article model judges the article's words
        if modelled_only:
            events = []
        if events and (self.actor_model.on or self.target_model.on):
            # (a dateline's names act in no event: see ``acting``)
            names = _in_order({"title": found["title"], "body": acting})
            countries = _countries(mentions)
            places = event_places(events, texts, words, names)
            self.actor_model.decide(events, places, countries)
            self.target_model.add(events, places, countries)
        return group(mentions), events


def _in_order(found: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Each field's names in text order (as found, mostly: sorted only where not)."""
    out: dict[str, list[Mention]] = {}
    for f, ms in found.items():
        if any(ms[i].start > ms[i + 1].start for i in range(len(ms) - 1)):
            ms = list(ms)
            sort_by_start(ms)
        out[f] = ms
    return out


def _countries(mentions: list[Mention]) -> dict[str, str | None]:
    """Entity id -> the country it belongs to or stands for (as the scoring reads it: the
    first mention that knows one; a dateline's capitals in capitals know none)."""
    out: dict[str, str | None] = {}
    for m in mentions:
        if out.get(m.entry.id) is None:
            out[m.entry.id] = m.entry.country
    return out


def _all_modelled(events: list[dict[str, Any]], modelled: list[str]) -> bool:
    """Whether every event is one the sentence model made."""
    ids = set(modelled)
    return all(e["id"] in ids for e in events)


def _one_country(mentions: list[Mention]) -> bool:
    """Whether the names found point to one country at most (a story of home affairs)."""
    seen: str | None = None
    for m in mentions:
        c = m.entry.country
        if c is not None and c != seen:
            if seen is not None:
                return False
            seen = c
    return True


def _relink(
    field: str,
    text: str,
    ms: list[Mention],
    table: dict[str, Entry],
    extra: list[tuple[str, Entry]],
) -> list[Mention]:
    """Point surname-only mentions at the full name used elsewhere in the article, and find
    the ``extra`` surnames (of this article's people, not the gazetteer's) where they stand
    alone."""
    out: list[Mention] = []
    for m in ms:
        # (a key with a space is a short form an article's own full names gave: "Ayen Lado";
        # only a person is looked up: most mentions are places and bodies)
        if m.entry.type == "PERSON":
            e = table.get(m.text)
            if e is not None and e.id != m.entry.id:
                m = m.with_entry(e)
        out.append(m)
    # characters already in a mention: the mentions given, in order, are asked by a binary
    # search (``reach``: the furthest end among each and those before it), the few added by
    # a look at each; past a few added, or out of order, by a flag per character made once
    # (a text that repeats a name thousands of times stays linear)
    reach: list[int] | None = None
    added: list[Mention] = []
    taken: bytearray | None = None
    for sur, e in extra:
        i = text.find(sur)
        while i >= 0:
            j = i + len(sur)
            ok = (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum())
            # "Caspian Sea": a capitalised word after it makes it part of another name
            ok = ok and not capital_after(text, j)
            if ok and taken is None:
                if reach is None:
                    reach = _reach(ms)
                if reach and len(added) < 8:
                    if not _covered(ms, reach, i, j) and not _covered_by(added, i, j):
                        m = Mention(field, i, j, sur, e)
                        out.append(m)
                        added.append(m)
                    ok = False
                else:
                    taken = _taken(len(text), out)
            if ok and taken is not None and taken.find(1, i, j) < 0:
                out.append(Mention(field, i, j, sur, e))
                taken[i:j] = b"\x01" * (j - i)
            i = text.find(sur, j)
    sort_by_start(out)
    return out


def _reach(ms: list[Mention]) -> list[int]:
    """For each of ``ms``, the furthest end among it and those before it (an empty mention
    reaches nothing); empty where ``ms`` is empty or out of order by start."""
    out: list[int] = []
    far = 0
    prev = -1
    for m in ms:
        if m.start < prev:
            return []
        prev = m.start
        if m.end > m.start and m.end > far:
            far = m.end
        out.append(far)
    return out


def _covered(ms: list[Mention], reach: list[int], i: int, j: int) -> bool:
    """Whether one of ``ms`` (in order by start; ``reach``: see _reach) covers a character of
    [i, j): the last one starting before j reaches past i, or one before it does."""
    lo, hi = 0, len(ms)
    while lo < hi:
        mid = (lo + hi) // 2
        if ms[mid].start < j:
            lo = mid + 1
        else:
            hi = mid
    return lo > 0 and reach[lo - 1] > i


def _covered_by(ms: list[Mention], i: int, j: int) -> bool:
    """Whether one of a few ``ms`` covers a character of [i, j) (a typed loop: compiled,
    ``any`` of a generator makes a generator object)."""
    for m in ms:  # noqa: SIM110
        if m.start < j and m.end > i and m.end > m.start:
            return True
    return False


def _taken(n: int, ms: list[Mention]) -> bytearray:
    """A flag per character of a text n long: 1 inside one of the mentions. Made from runs
    of zeros and ones joined once, as mentions mostly come in order (compiled, a slice
    assignment into a bytearray per mention is a generic call costing more); one out of
    order or overlapping the one before is marked afterwards by slice assignment."""
    pieces: list[bytes] = []
    late: list[Mention] = []
    upto = 0
    for m in ms:
        if m.start < upto or m.end < m.start or m.end > n:
            late.append(m)
            continue
        pieces.append(b"\x00" * (m.start - upto))
        pieces.append(b"\x01" * (m.end - m.start))
        upto = m.end
    pieces.append(b"\x00" * (n - upto))
    taken = bytearray(b"".join(pieces))
    for m in late:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    return taken


def _title_case(title: str) -> bool:
    """A headline In Which Most Words Are Capitalised: capitals then mark no names. The
    words are those of the regex ``[^\\W\\d_][\\w'’-]*``, found by a typed scan (compiled,
    a character loop costs less than findall's list of strings); only the words of four
    or more characters count. Characters are read as code points (``ord(title[i])``
    compiles to a plain read; ``title[i]`` alone would make a str per character)."""
    long = caps = 0
    i, n = 0, len(title)
    while i < n:
        if not _word_start(title, i):
            i += 1
            continue
        j = i + 1
        while j < n and _word_char(title, j):
            j += 1
        if j - i > 3:
            long += 1
            o = ord(title[i])
            caps += 65 <= o <= 90 if o < 128 else title[i].isupper()
        i = j
    return long >= 3 and 5 * caps >= 4 * long


def _word_start(text: str, i: int) -> bool:
    """``[^\\W\\d_]`` at text[i]: a letter (or a non-decimal number sign such as "²");
    ASCII decided without a method call."""
    o = ord(text[i])
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90
    return text[i].isalnum() and not text[i].isdecimal()


def _word_char(text: str, i: int) -> bool:
    """``[\\w'’-]`` at text[i]: a letter, digit, underscore, apostrophe or hyphen."""
    o = ord(text[i])
    if o < 128:
        return 97 <= o <= 122 or 65 <= o <= 90 or 48 <= o <= 57 or o == 95 or o == 39 or o == 45
    return o == 0x2019 or text[i].isalnum()


def _acronyms(ms: list[Mention], known: dict[str, Entry]) -> dict[str, Entry]:
    """Unseen acronyms ("RSF") of organisations the article names in full ("Rapid Support
    Forces"): the acronym and the full name -> one entity. An organisation the gazetteer
    knows keeps its id; an unseen one is named by its acronym (``org:rsf``), as the labelling
    convention names ``org:eu`` and ``org:nato``."""
    caps = {t for m in ms if 2 <= len(t := m.text) <= 6 and _upper(t) and t not in known}
    out: dict[str, Entry] = {}
    if not caps:
        return out
    for m in ms:
        if m.entry.type == "ORG" and " " in m.text:
            initials = "".join(w[0] for w in m.text.split() if w[0].isupper())
            if initials in caps and initials not in out:
                e = m.entry
                if m.text not in known and slug(initials):  # "ØDP" -> org:odp
                    e = Entry("org:" + slug(initials), "ORG", m.text, e.country)
                out[initials] = out[m.text] = e
    return out


def _upper(t: str) -> bool:
    """``t.isupper()``, ASCII read as code points (compiled, isupper is a method called by
    name; asked of every short mention)."""
    cased = False
    for i in range(len(t)):
        o = ord(t[i])
        if o >= 128:
            return t.isupper()
        if 97 <= o <= 122:
            return False
        cased = cased or 65 <= o <= 90
    return cased


def _expand(m: Mention, acronyms: dict[str, Entry]) -> Mention:
    e = acronyms.get(m.text)
    return m if e is None or e.id == m.entry.id else m.with_entry(e)


def load_tagger(rules_dir: str | Path | None = None, ner: str = "rules") -> Tagger:
    """Load and validate all rule data, compile it once; raises RulesError on bad rule data."""
    return Tagger(load_rules(rules_dir), ner=ner)
