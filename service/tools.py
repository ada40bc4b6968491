"""``produce`` and ``consume``: publish article files and watch what comes out."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
from aiokafka import ConsumerRecord
from tqdm import tqdm

from service.config import Settings
from service.kafka import consumer, producer


def article_key(line: bytes) -> bytes | None:
    """The article id as the message key, when the line is an object with a string id."""
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if isinstance(obj, dict) and isinstance(obj.get("id"), str):
        return str(obj["id"]).encode()
    return None


def read_lines(path: Path) -> list[bytes]:
    """Non-blank lines of a JSON-lines file, as the bytes to publish."""
    return [line for line in path.read_bytes().splitlines() if line.strip()]


async def publish(settings: Settings, topic: str, lines: list[bytes], progress: bool) -> int:
    """Send every line (keyed by article id) and wait until the broker has all of them."""
    prod = producer(settings)
    await prod.start()
    try:
        bar = tqdm(total=len(lines), unit="msg", disable=not progress, file=sys.stderr)
        futures = []
        for line in lines:
            fut = await prod.send(topic, line, key=article_key(line))
            fut.add_done_callback(lambda _: bar.update())
            futures.append(fut)
        await asyncio.gather(*futures)
        bar.close()
        return len(futures)
    finally:
        await prod.stop()


def produce_file(settings: Settings, path: Path, topic: str) -> int:
    if settings.embedded:
        print("geopulse: set GEOPULSE_BROKER=host:port to produce to a broker", file=sys.stderr)
        return 2
    lines = read_lines(path)
    sent = asyncio.run(publish(settings, topic, lines, progress=sys.stderr.isatty()))
    print(f"published {sent} messages to {topic}", file=sys.stderr)
    return 0


def summarize(record: ConsumerRecord[bytes, bytes]) -> str:
    """One compact line for a message of any geopulse topic."""
    headers = {k: v.decode("utf-8", "replace") for k, v in record.headers or ()}
    if "geopulse.error.class" in headers:
        key = (record.key or b"").decode("utf-8", "replace")
        return f"dead-letter  key={key!r}  {headers['geopulse.error.class']}: " + headers.get(
            "geopulse.error.message", ""
        )
    try:
        value: Any = orjson.loads(record.value or b"")
    except orjson.JSONDecodeError:
        return f"unreadable message at {record.topic}/{record.partition}@{record.offset}"
    if value.get("schema") == "geopulse.event.v1":
        return f"event  {value['article_id']}  {value['type']}  actors={value['actors']}"
    return enriched_summary(value)


def enriched_summary(value: dict[str, Any]) -> str:
    """``enriched <id>: N entities, M events (TYPE×2, TYPE)`` for an enriched record."""
    types = Counter(ev["type"] for ev in value.get("events", []))
    listed = ", ".join(f"{t}×{n}" if n > 1 else t for t, n in sorted(types.items()))
    events = _count(sum(types.values()), "event", "events") + (f" ({listed})" if listed else "")
    skipped = f" [skipped: {value['skipped']}]" if value.get("skipped") else ""
    article_id = value.get("article", {}).get("id")
    entities = len(value.get("entities", []))
    return f"enriched {article_id}: {_count(entities, 'entity', 'entities')}, {events}{skipped}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


async def follow(
    settings: Settings,
    topics: list[str],
    count: int | None,
    idle_timeout: float | None,
    full: bool,
) -> int:
    """Print messages of ``topics`` from the beginning until count/idle timeout/Ctrl-C."""
    cons = consumer(settings, *topics)
    await cons.start()
    seen = 0
    try:
        while count is None or seen < count:
            batch = await cons.getmany(timeout_ms=int((idle_timeout or 3600) * 1000))
            if not batch:
                break
            for records in batch.values():
                for record in records:
                    line = (
                        (record.value or b"").decode("utf-8", "replace")
                        if full
                        else summarize(record)
                    )
                    print(line, flush=True)
                    seen += 1
        return seen
    finally:
        await cons.stop()


def consume(
    settings: Settings, topic: str, count: int | None, idle_timeout: float | None, full: bool
) -> int:
    if settings.embedded:
        print("geopulse: set GEOPULSE_BROKER=host:port to consume from a broker", file=sys.stderr)
        return 2
    asyncio.run(follow(settings, [topic], count, idle_timeout, full))
    return 0
