"""Outputs produced as record batches: where they land, in what order, and what a refusal costs.

The placement and order tests use a real broker and aiokafka's own producer. The refusal test
needs a broker that refuses one record of a batch, which the embedded broker never does, so a
producer stand-in refuses any batch holding a marked record the way Kafka does (the whole
batch fails with ``MessageSizeTooLargeError``).
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any, cast

import orjson
import pytest
from aiokafka.errors import MessageSizeTooLargeError
from faust.types import EventT

from service.app import Enricher
from service.broker import EmbeddedBroker
from service.contracts import ErrorClass
from service.delivery import Output, send_batches
from service.kafka import ensure_topics, producer
from service.metrics import Metrics
from tests.kafka_helpers import Record, drain, unique_settings


def _source(offset: int, key: bytes | None) -> EventT:
    message = SimpleNamespace(
        topic="articles", partition=0, offset=offset, key=key, value=b'{"id":"x","body":""}'
    )
    return cast(EventT, SimpleNamespace(message=message))


def _outputs(topic: str, keys: list[bytes | None], per_key: int) -> list[Output]:
    return [
        Output(topic, key, orjson.dumps({"key": i, "n": n}), None, _source(i, key))
        for n in range(per_key)
        for i, key in enumerate(keys)
    ]


async def _send_both_ways(settings: Any, keys: list[bytes | None]) -> None:
    prod = producer(settings, max_batch_size=16 * 1024)
    await prod.start()
    try:
        outputs = _outputs(settings.output_topic, keys, per_key=5)
        big = b"x" * 100_000  # larger than a whole batch: goes out in one of its own
        outputs.insert(7, Output(settings.output_topic, b"big", big, None, _source(99, b"big")))
        sent = await send_batches(prod, outputs)
        await asyncio.gather(*(s.ack for s in sent))
        assert sum(len(s.outputs) for s in sent) == len(outputs)
        assert len(sent) < len(outputs) / 4  # batches, not a send per record
        # The same keys through the plain send path, to compare partitions with.
        plain = [await prod.send(settings.events_topic, b"", key=k) for k in keys if k]
        await asyncio.gather(*plain)
    finally:
        await prod.stop()


def test_records_land_where_plain_sends_would_in_order(broker: EmbeddedBroker) -> None:
    settings = unique_settings(broker.address, partitions=3)
    asyncio.run(ensure_topics(settings))
    keys: list[bytes | None] = [f"article-{i}".encode() for i in range(40)] + [None, None]
    asyncio.run(_send_both_ways(settings, keys))

    out = drain(settings, settings.output_topic, until=5 * len(keys) + 1)
    assert len(out) == 5 * len(keys) + 1
    by_key: dict[bytes | None, list[Record]] = {}
    for record in out:
        by_key.setdefault(record.key, []).append(record)
    assert len(by_key[b"big"][0].value or b"") == 100_000
    plain = {r.key: r.partition for r in drain(settings, settings.events_topic, until=40)}
    for key in keys:
        records = by_key[key] if key else [r for r in out if r.key is None]
        if key:
            assert {r.partition for r in records} == {plain[key]}, key
            assert [orjson.loads(r.value or b"")["n"] for r in records] == list(range(5))
        assert len(records) == (5 if key else 10)


class StandInBatch:
    def __init__(self) -> None:
        self.values: list[bytes] = []

    def append(self, *, timestamp: Any, key: Any, value: bytes | None, headers: Any) -> Any:
        self.values.append(value or b"")
        return object()


class RefusingProducer:
    """Acks every batch at once, except a batch holding a marked record: refused whole."""

    def __init__(self) -> None:
        self.batches: list[list[bytes]] = []

    def create_batch(self) -> StandInBatch:
        return StandInBatch()

    async def send_batch(
        self, batch: StandInBatch, topic: str, *, partition: int
    ) -> asyncio.Future[Any]:
        self.batches.append(batch.values)
        future = asyncio.get_running_loop().create_future()
        if any(value.startswith(b"REFUSED") for value in batch.values):
            future.set_exception(MessageSizeTooLargeError())
        else:
            future.set_result(None)
        return future

    async def partitions_for(self, topic: str) -> set[int]:
        return {0, 1}


def test_a_refused_record_dead_letters_only_its_own_input(broker: EmbeddedBroker) -> None:
    settings = unique_settings(broker.address)
    refusing = RefusingProducer()
    app = SimpleNamespace(producer=SimpleNamespace(_ensure_producer=lambda: refusing))
    metrics = Metrics()
    enricher = Enricher(cast(Any, app), settings, cast(Any, None), metrics)
    outputs = _outputs(settings.output_topic, [b"a", b"b", b"c"], per_key=2)
    outputs[3].value = b"REFUSED " + (outputs[3].value or b"")
    culprit = outputs[3].source

    asyncio.run(enricher._deliver(outputs))

    dead = [o for o in outputs if o.topic == settings.dlq_topic]
    assert [d.source for d in dead] == [culprit]
    headers = dict(dead[0].headers or [])
    assert headers["geopulse.error.class"] == ErrorClass.OUTPUT_REJECTED.value.encode()
    assert dead[0].value == culprit.message.value  # the input bytes, untouched
    delivered = [r for batch in refusing.batches for r in batch if not r.startswith(b"REFUSED")]
    assert len(delivered) >= len(outputs) - 2  # every other output acked (some twice)
    assert metrics.faust.send_errors._value.get() > 0


@pytest.mark.parametrize("per_key", [1, 3])
def test_every_output_is_in_exactly_one_batch(per_key: int) -> None:
    refusing = RefusingProducer()
    outputs = _outputs("t", [b"a", None, b"b", b"c", None], per_key=per_key)
    outputs[1].alone = True

    sent = asyncio.run(send_batches(refusing, outputs))

    assert sorted(id(o) for s in sent for o in s.outputs) == sorted(id(o) for o in outputs)
    assert [outputs[1]] in [s.outputs for s in sent]
