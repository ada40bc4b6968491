"""Producing a batch's outputs as Kafka record batches, one per topic-partition.

An article fans out to one enriched record and one record per event, all with its key. Sent
one by one through ``producer.send`` each record costs a future, a metadata check and a key
hash — more than tagging the article. Built into one record batch per topic-partition with
aiokafka's batch API, a record costs an append, and the key is hashed once per article.
Partitions are chosen as aiokafka's default partitioner (and the Java client) would: murmur2
of the key, or any available partition for a keyless record.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from aiokafka.partitioner import DefaultPartitioner
from faust.types import EventT

Headers = list[tuple[str, bytes]] | None


@dataclass(slots=True)
class Output:
    """One record to produce, and the input message it was derived from.

    ``alone`` sends the record in a batch of its own: after the broker refused a batch for one
    record, resending each alone tells which record it was.
    """

    topic: str
    key: bytes | None
    value: bytes | None
    headers: Headers
    source: EventT
    alone: bool = False


class BatchProducer(Protocol):
    """The part of ``aiokafka.AIOKafkaProducer`` that record batches need."""

    def create_batch(self) -> Any: ...

    async def send_batch(
        self, batch: Any, topic: str, *, partition: int
    ) -> asyncio.Future[Any]: ...

    async def partitions_for(self, topic: str) -> set[int]: ...


@dataclass(slots=True)
class Sent:
    """The outputs of one submitted record batch and the future of its acknowledgement."""

    outputs: list[Output]
    ack: asyncio.Future[Any]


_partitioner = DefaultPartitioner()


async def send_batches(producer: BatchProducer, outputs: Sequence[Output]) -> list[Sent]:
    """Submit ``outputs`` as record batches; each batch's future resolves when it is acked.

    Records of one topic-partition keep their order. A record that does not fit a batch
    starts the next one; a record larger than a whole batch goes out alone in its own.
    """
    groups: dict[tuple[str, int], list[Output]] = {}
    partitions: dict[str, tuple[list[int], dict[bytes, int]]] = {}
    members: list[Output] = []
    topic: str | None = None
    key: bytes | None = None
    for out in outputs:
        # An article's records come one after another with its key (the enriched record, then
        # its events): the partition and group are looked up once for the run, not per record.
        if key is None or out.key != key or out.topic != topic:
            topic, key = out.topic, out.key
            known = partitions.get(topic)
            if known is None:
                known = partitions[topic] = (sorted(await producer.partitions_for(topic)), {})
            members = groups.setdefault((topic, _partition(key, *known)), [])
        members.append(out)
    sent: list[Sent] = []
    for (topic, partition), members in groups.items():
        sent.extend(await _submit(producer, topic, partition, members))
    return sent


def _partition(key: bytes | None, every: list[int], by_key: dict[bytes, int]) -> int:
    if key is None:
        return int(_partitioner(None, every, every))
    partition = by_key.get(key)
    if partition is None:
        partition = by_key[key] = int(_partitioner(key, every, every))
    return partition


async def _submit(
    producer: BatchProducer, topic: str, partition: int, outputs: list[Output]
) -> list[Sent]:
    sent: list[Sent] = []
    batch, members = producer.create_batch(), list[Output]()
    for out in outputs:
        # a new batch for an output that goes alone, after one, or that the batch cannot hold
        if members and (out.alone or members[-1].alone or not _append(batch, out)):
            sent.append(Sent(members, await producer.send_batch(batch, topic, partition=partition)))
            batch, members = producer.create_batch(), []
        if not members:
            _append(batch, out)  # an empty batch takes any one record; the broker judges its size
        members.append(out)
    if members:
        sent.append(Sent(members, await producer.send_batch(batch, topic, partition=partition)))
    return sent


def _append(batch: Any, out: Output) -> bool:
    """Whether ``batch`` took ``out`` (a full batch closes itself and takes no more)."""
    return (
        batch.append(timestamp=None, key=out.key, value=out.value, headers=out.headers) is not None
    )
