"""One input message in, its outputs out — the per-message work, with no Kafka in it.

The Faust agent, the offline ``tag`` command and the benchmark all call :meth:`Pipeline.process`,
so the record a topic gets and the record ``python -m service tag`` prints are the same bytes.
Nothing here raises for a bad message: every input becomes :class:`Enriched` or :class:`Rejected`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Protocol, cast

import orjson

from service.contracts import (
    COMPILED,
    Article,
    BadInput,
    ErrorClass,
    draft_class,
    parse_article,
    serialise,
)

SUPPORTED_LANGUAGES = frozenset({"en"})


class TaggerLike(Protocol):
    """What the pipeline needs of a tagger (see :mod:`service.tagging`)."""

    @property
    def info(self) -> dict[str, str]: ...

    def tag(
        self, article_id: str, body: str, title: str = ""
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]: ...


@dataclass(frozen=True, slots=True)
class Enriched:
    """A tagged article: the key and values to produce, and what metrics need to know."""

    key: bytes
    value: bytes
    event_values: list[bytes]
    article: Article
    entities: list[dict[str, Any]]
    events: list[dict[str, Any]]
    tag_seconds: float

    def __reduce__(self) -> tuple[type[Enriched], tuple[Any, ...]]:
        """Pickled as its constructor call (see contracts.Article.__reduce__)."""
        fields = (self.key, self.value, self.event_values, self.article)
        return Enriched, (*fields, self.entities, self.events, self.tag_seconds)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that must go to the dead-letter topic, and why."""

    error: BadInput


Outcome = Enriched | Rejected
_EnrichedDraft = draft_class(Enriched)


class Pipeline:
    """Parses, tags and serialises one article; built once, called for every message."""

    def __init__(self, tagger: TaggerLike, max_body_bytes: int, emit_events: bool) -> None:
        self._tagger = tagger
        self._info = dict(tagger.info)
        self._max_body_bytes = max_body_bytes
        self._emit_events = emit_events

    @property
    def tagger_info(self) -> dict[str, str]:
        return self._info

    def process(self, raw: bytes | None) -> Outcome:
        """Turn one message value into its outputs; never raises for bad input or a tagger bug."""
        try:
            article = parse_article(raw, self._max_body_bytes)
        except BadInput as bad:  # one name an exception type: mypyc types a name once
            return Rejected(bad)
        try:
            return self._enrich(article)
        except orjson.JSONEncodeError as deep:  # parsed, but too deep to write back (metadata)
            detail = f"the article cannot be written back as JSON: {deep}"
            return Rejected(BadInput(ErrorClass.SCHEMA, detail))
        except Exception as exc:  # a tagger bug must cost one message, not the stream
            detail = f"{type(exc).__name__}: {exc}"
            return Rejected(BadInput(ErrorClass.TAGGER_ERROR, detail))

    def _enrich(self, article: Article) -> Enriched:
        started = time.perf_counter()
        skipped = None
        if article.language in SUPPORTED_LANGUAGES:
            entities, events = self._tagger.tag(article.id, article.body, article.title)
        else:
            entities, events = [], []
            skipped = f"language '{article.language}' is not supported"
        tag_seconds = time.perf_counter() - started
        value, event_values = serialise(
            article, entities, events, self._info, skipped, self._emit_events
        )
        key = article.id.encode()
        if COMPILED:  # stored field by field, as contracts._native_article says why
            enriched = Enriched.__new__(Enriched)
            enriched.key, enriched.value = key, value  # type: ignore[misc]
            enriched.event_values, enriched.article = event_values, article  # type: ignore[misc]
            enriched.entities, enriched.events = entities, events  # type: ignore[misc]
            enriched.tag_seconds = tag_seconds  # type: ignore[misc]
            return enriched
        # Enriched(key, value, ...), built as a draft (see contracts.draft_class)
        enriched = _EnrichedDraft(key, value, event_values, article, entities, events, tag_seconds)
        enriched.__class__ = Enriched
        return cast(Enriched, enriched)
