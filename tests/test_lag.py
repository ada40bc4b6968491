"""Lag keeps growing on a worker that processes nothing — measured on a real broker.

The consumer here is a real group member that never processes: exactly what a stalled agent
looks like from Kafka's side. The adapter only renames aiokafka's calls to Faust's.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition

from service.broker import EmbeddedBroker
from service.config import Settings
from service.kafka import client_options, consumer, producer
from service.lag import LagMonitor
from service.metrics import Metrics
from tests.kafka_helpers import create_topics, unique_settings

pytestmark = pytest.mark.broker


class FaustNames:
    """Faust's consumer API over a plain aiokafka consumer."""

    def __init__(self, real: AIOKafkaConsumer) -> None:
        self._real = real

    def assignment(self) -> set[TopicPartition]:
        return set(self._real.assignment())

    async def highwaters(self, *tps: TopicPartition) -> dict[TopicPartition, int]:
        return dict(await self._real.end_offsets(list(tps)))

    async def earliest_offsets(self, *tps: TopicPartition) -> dict[TopicPartition, int]:
        return dict(await self._real.beginning_offsets(list(tps)))

    def highwater(self, tp: TopicPartition) -> int | None:
        return self._real.highwater(tp)


class App:
    def __init__(self, consumer: Any) -> None:
        self.consumer = consumer


def test_lag_grows_while_nothing_is_processed(broker: EmbeddedBroker) -> None:
    settings = unique_settings(broker.address, partitions=1)
    create_topics(settings)
    asyncio.run(_scenario(settings))


async def _publish(settings: Settings, n: int) -> None:
    prod = producer(settings)
    await prod.start()
    try:
        for i in range(n):  # one batch per record: Tansu lists batch starts as end offsets
            await prod.send_and_wait(settings.input_topic, b"{}", key=str(i).encode())
    finally:
        await prod.stop()


async def _scenario(settings: Settings) -> None:
    tp = TopicPartition(settings.input_topic, 0)
    member = consumer(settings, settings.input_topic, group_id=settings.group)
    await member.start()
    try:
        while not member.assignment():
            await member.getmany(timeout_ms=500, max_records=0)
        m = Metrics()
        positions: dict[Any, int] = {}
        monitor = LagMonitor(
            App(FaustNames(member)),  # type: ignore[arg-type]
            settings.input_topic,
            settings.group,
            m,
            positions,
            client_options(settings),
        )

        def lag() -> float | None:
            labels = {"topic": settings.input_topic, "partition": "0"}
            return m.registry.get_sample_value("geopulse_consumer_lag_messages", labels)

        await _publish(settings, 5)
        await monitor.refresh()
        assert lag() == 5, "nothing committed: everything from the earliest offset waits"
        await member.commit({tp: 2})
        await monitor.refresh()
        assert lag() == 3
        await _publish(settings, 4)  # input keeps arriving, nothing is processed
        await monitor.refresh()
        assert lag() == 7
        assert m.registry.get_sample_value("geopulse_assigned_partitions") == 1
        positions[tp] = 6  # the agent got further than the last commit
        await monitor.refresh()
        assert lag() == 3
        member.unsubscribe()  # revoked: the series goes, another worker reports it
        await monitor.refresh()
        assert lag() is None
        await monitor.close()
    finally:
        await member.stop()
