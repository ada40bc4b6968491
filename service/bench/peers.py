"""The peers geopulse is measured against, run as their own processes by the benchmark.

``faust``: a bare Faust agent that consumes and ``await topic.send``s each message — what a
straightforward Faust service does. ``aiokafka``: raw consume→produce in batches, committing
after the batch's sends are acknowledged — the ceiling of the Kafka client itself.
Usage: ``python -m service.bench.peers faust|aiokafka BROKER INPUT OUTPUT GROUP``.
"""

from __future__ import annotations

import asyncio
import sys

import faust
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


def run_faust(broker: str, source: str, sink: str, group: str) -> None:
    app = faust.App(
        group,
        broker=f"kafka://{broker}",
        key_serializer="raw",
        value_serializer="raw",
        topic_disable_leader=True,
        web_enabled=False,
        consumer_auto_offset_reset="earliest",
        broker_session_timeout=6.0,
        broker_heartbeat_interval=1.0,
        datadir=f"/tmp/geopulse-bench-{group}",
    )
    src = app.topic(source, key_serializer="raw", value_serializer="raw")
    dst = app.topic(sink, key_serializer="raw", value_serializer="raw")

    @app.agent(src)
    async def bare(stream: faust.StreamT) -> None:
        async for event in stream.events():
            await dst.send(key=event.key, value=event.value)

    worker = faust.Worker(app, loglevel="WARNING", quiet=True, redirect_stdouts=False)
    worker.execute_from_commandline()


async def run_aiokafka(broker: str, source: str, sink: str, group: str) -> None:
    consumer = AIOKafkaConsumer(
        source,
        bootstrap_servers=broker,
        group_id=group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        session_timeout_ms=6000,
        heartbeat_interval_ms=1000,
    )
    producer = AIOKafkaProducer(bootstrap_servers=broker, acks="all", linger_ms=5)
    await consumer.start()
    await producer.start()
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=100, max_records=1000)
            futures = [
                await producer.send(sink, record.value, key=record.key)
                for records in batch.values()
                for record in records
            ]
            if futures:
                await asyncio.gather(*futures)
                await consumer.commit()
    finally:
        await producer.stop()
        await consumer.stop()


def main(argv: list[str]) -> int:
    kind, broker, source, sink, group = argv
    if kind == "faust":
        sys.argv = [sys.argv[0], "worker"]
        run_faust(broker, source, sink, group)
    else:
        asyncio.run(run_aiokafka(broker, source, sink, group))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
