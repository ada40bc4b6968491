"""The offline tagger behind ``python -m service tag``: JSON lines in, enriched JSON lines out.

It runs the same :class:`~service.pipeline.Pipeline` as the worker, so each output line is the
exact value the output topic would get for that input line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO, TextIO

from service.config import Settings
from service.pipeline import Enriched, Pipeline
from service.tagging import load_tagger


def build_pipeline(settings: Settings) -> Pipeline:
    """The pipeline the worker would run with these settings."""
    tagger = load_tagger(settings.rules_dir, ner=settings.ner)
    return Pipeline(tagger, settings.max_body_bytes, emit_events=False)


def tag_lines(source: BinaryIO, sink: BinaryIO, errors: TextIO, settings: Settings) -> int:
    """Tag every line of ``source``; bad lines go to ``errors`` by number. Exit code 1 if any."""
    pipeline = build_pipeline(settings)
    bad = 0
    for number, line in _numbered(source):
        outcome = pipeline.process(line)
        if isinstance(outcome, Enriched):
            sink.write(outcome.value)
            sink.write(b"\n")
        else:
            bad += 1
            err = outcome.error
            errors.write(f"line {number}: {err.error_class.value}: {err.message}\n")
    sink.flush()
    return 1 if bad else 0


def _numbered(source: Iterable[bytes]) -> Iterable[tuple[int, bytes]]:
    """Non-blank lines with their 1-based numbers, line endings stripped."""
    for number, line in enumerate(source, 1):
        stripped = line.rstrip(b"\r\n")
        if stripped.strip():
            yield number, stripped
