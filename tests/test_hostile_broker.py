"""A generated batch of hostile messages through a real worker on a real broker.

The property tests in ``test_hostile.py`` prove the pipeline on its own; this proves the same
promise end to end: every input key ends in the output or the dead-letter topic (with a known
error class and its bytes untouched), offsets index the input, and the worker keeps going.
"""

from __future__ import annotations

import random
from pathlib import Path

import orjson
import pytest

from service.broker import EmbeddedBroker
from service.contracts import ErrorClass
from service.schemas import span_errors
from tests.kafka_helpers import WorkerProcess, create_topics, drain, produce, unique_settings
from tests.test_hostile import NASTY, PROSE

pytestmark = pytest.mark.broker
LIMIT = 20_000


def hostile_value(rng: random.Random, i: int) -> bytes:
    """One message value of a randomly chosen hostile kind (the article id is ``h-<i>``)."""
    kind = rng.randrange(7)
    if kind == 0:
        return rng.randbytes(rng.randrange(0, 300))
    if kind == 1:  # JSON that is not an article
        return orjson.dumps(rng.choice([None, 1.5, "text", [1, {"a": []}], {"id": i}, []]))
    if kind == 2:  # nesting deeper than the output can carry
        depth = rng.choice([10, 300, 2000])
        return b'{"id": "h-%d", "body": "x", "metadata": ' % i + b"[" * depth + b"]" * depth + b"}"
    if kind == 3:  # invalid UTF-8 inside an otherwise fine article
        return b'{"id": "h-%d", "body": "caf\xc3\x28 \xff"}' % i
    if kind == 4:  # body over the limit
        return orjson.dumps({"id": f"h-{i}", "body": "tariff " * (LIMIT // 5)})
    text = "".join(
        rng.choice(PROSE) if rng.random() < 0.5 else "".join(rng.choices(NASTY, k=12))
        for _ in range(rng.randrange(1, 8))
    )
    return orjson.dumps({"id": f"h-{i}", "title": text[:80], "body": text})


def test_generated_hostile_batch_is_all_accounted_for(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings = unique_settings(broker.address, GEOPULSE_MAX_BODY_BYTES=str(LIMIT))
    create_topics(settings)
    rng = random.Random(2026)
    sent = {f"h-{i}".encode(): hostile_value(rng, i) for i in range(300)}
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        produce(settings, list(sent.items()))
        out = drain(settings, settings.output_topic, until=1, timeout_s=60)
        dead = drain(settings, settings.dlq_topic, until=len(sent) - len(out), timeout_s=60)
        out = drain(settings, settings.output_topic, until=len(sent) - len(dead), timeout_s=60)
        assert worker.alive, worker.log_tail()
    finally:
        assert worker.terminate() == 0, worker.log_tail()

    assert {r.key for r in out} | {r.key for r in dead} == set(sent), "every input accounted"
    assert not {r.key for r in out} & {r.key for r in dead}, "never both"
    classes = {c.value for c in ErrorClass}
    for record in dead:
        headers = dict(record.headers)
        assert headers["geopulse.error.class"].decode() in classes
        assert record.value == sent[record.key]  # bytes untouched
    for record in out:
        article = orjson.loads(sent[record.key])
        assert span_errors(orjson.loads(record.value), article) == []
    assert len(out) > 50 and len(dead) > 50, "the generator covers both outcomes"
