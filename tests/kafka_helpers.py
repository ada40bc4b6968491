"""Helpers for tests that talk to a real broker: worker processes, producing, draining topics."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import TypeAlias

from aiokafka import ConsumerRecord

from service.config import Settings, load_settings
from service.kafka import consumer, ensure_topics, producer
from service.reliability import Worker

REPO = Path(__file__).resolve().parents[1]
Record: TypeAlias = ConsumerRecord[bytes, bytes]  # explicit, so mypy accepts it as a type


def unique_settings(broker: str, partitions: int = 2, **env: str) -> Settings:
    """Settings with fresh topic and group names, so tests never see each other's data."""
    tag = uuid.uuid4().hex[:8]
    base = {
        "GEOPULSE_BROKER": broker,
        "GEOPULSE_INPUT_TOPIC": f"t{tag}.articles",
        "GEOPULSE_OUTPUT_TOPIC": f"t{tag}.enriched",
        "GEOPULSE_EVENTS_TOPIC": f"t{tag}.events",
        "GEOPULSE_DLQ_TOPIC": f"t{tag}.dlq",
        "GEOPULSE_GROUP": f"g{tag}",
        "GEOPULSE_PARTITIONS": str(partitions),
        "GEOPULSE_SESSION_TIMEOUT_MS": "6000",
    }
    return load_settings({**base, **env})


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a worker process use ``settings``."""
    return {
        "GEOPULSE_BROKER": ",".join(settings.brokers),
        "GEOPULSE_INPUT_TOPIC": settings.input_topic,
        "GEOPULSE_OUTPUT_TOPIC": settings.output_topic,
        "GEOPULSE_EVENTS_TOPIC": settings.events_topic or "",
        "GEOPULSE_DLQ_TOPIC": settings.dlq_topic,
        "GEOPULSE_GROUP": settings.group,
        "GEOPULSE_PARTITIONS": str(settings.partitions),
        "GEOPULSE_MAX_BODY_BYTES": str(settings.max_body_bytes),
        "GEOPULSE_SESSION_TIMEOUT_MS": str(int(settings.session_timeout_s * 1000)),
        "GEOPULSE_BATCH_MAX": str(settings.batch_max),
    }


def create_topics(settings: Settings) -> None:
    asyncio.run(ensure_topics(settings))


class WorkerProcess(Worker):
    """The reliability harness's worker process, configured from :class:`Settings`."""

    def __init__(
        self, settings: Settings, log_path: Path, extra_env: dict[str, str] | None = None
    ) -> None:
        super().__init__({**settings_env(settings), **(extra_env or {})}, log_path)
        self.settings = settings


async def _produce(
    settings: Settings, topic: str, messages: list[tuple[bytes | None, bytes]]
) -> None:
    prod = producer(settings)
    await prod.start()
    try:
        futures = [await prod.send(topic, value, key=key) for key, value in messages]
        await asyncio.gather(*futures)
    finally:
        await prod.stop()


def produce(
    settings: Settings, messages: list[tuple[bytes | None, bytes]], topic: str | None = None
) -> None:
    """Publish (key, value) pairs and wait for the broker's acks."""
    asyncio.run(_produce(settings, topic or settings.input_topic, messages))


async def _drain(
    settings: Settings, topic: str, until: int, timeout_s: float, settle_s: float
) -> list[Record]:
    cons = consumer(settings, topic)
    await cons.start()
    records: list[Record] = []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            batch = await cons.getmany(timeout_ms=200)
            for part in batch.values():
                records.extend(part)
            if len(records) >= until:
                break
        # Anything beyond the expected count (duplicates) arrives now or not at all.
        settle = time.monotonic() + settle_s
        while time.monotonic() < settle:
            for part in (await cons.getmany(timeout_ms=200)).values():
                records.extend(part)
        return records
    finally:
        await cons.stop()


def drain(
    settings: Settings, topic: str, until: int, timeout_s: float = 60.0, settle_s: float = 0.5
) -> list[Record]:
    """Everything in ``topic`` from the start, waiting until at least ``until`` records arrived."""
    return asyncio.run(_drain(settings, topic, until, timeout_s, settle_s))
