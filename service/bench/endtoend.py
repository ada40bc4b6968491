"""End-to-end measurements through a real broker: throughput, latency, memory, scale-out.

Every contender reads the same pre-produced input topic with its own consumer group and writes
its own output topic. Throughput is counted from the first output record to the last (by the
output records' own timestamps), so process start-up and group joins are not part of it.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from service.broker import free_port
from service.config import Settings, load_settings
from service.kafka import consumer, producer

Messages = list[tuple[bytes, bytes]]
SESSION_MS = "6000"
TAG_COUNT = "geopulse_tagging_duration_seconds_count "
TAG_SUM = "geopulse_tagging_duration_seconds_sum "


@dataclass(frozen=True)
class Throughput:
    count: int
    seconds: float

    @property
    def per_second(self) -> float:
        return (self.count - 1) / self.seconds if self.seconds > 0 else float("inf")


@dataclass
class Contender:
    """Processes that move the input topic to an output topic."""

    name: str
    procs: list[subprocess.Popen[bytes]]
    web_ports: list[int]

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def alive(self) -> bool:
        return all(proc.poll() is None for proc in self.procs)

    def tagging_rate(self) -> float | None:
        """Articles per second of time spent inside the tagger, summed over the workers'
        ``/metrics`` (None for a peer, which has none): the tagger's speed under the load of
        the worker's other work and the broker, beside the bench's idle-core tagging figure."""
        count = seconds = 0.0
        for port in self.web_ports:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
                    text = r.read().decode()
            except OSError:
                return None
            for line in text.splitlines():
                if line.startswith(TAG_COUNT):
                    count += float(line.split()[-1])
                elif line.startswith(TAG_SUM):
                    seconds += float(line.split()[-1])
        return count / seconds if seconds > 0 else None

    def peak_rss_mb(self) -> float:
        """Largest peak resident set (VmHWM) among the contender's processes."""
        peaks = [_vm_hwm_kb(p.pid) for p in self.procs if p.poll() is None]
        return max(peaks, default=0) / 1024.0


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def settings_for(broker: str) -> Settings:
    return load_settings({"GEOPULSE_BROKER": broker})


async def create_topics(broker: str, names: list[str], partitions: int) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=broker)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(n, partitions, 1) for n in names])
    finally:
        await admin.close()


async def preproduce(broker: str, topic: str, messages: Messages) -> float:
    """Publish ``messages`` as fast as the client allows; returns messages per second."""
    prod = producer(settings_for(broker), linger_ms=20, max_batch_size=1 << 20)
    await prod.start()
    started = time.perf_counter()
    try:
        futures = [await prod.send(topic, value, key=key) for key, value in messages]
        await asyncio.gather(*futures)
    finally:
        await prod.stop()
    return len(messages) / (time.perf_counter() - started)


async def output_span(
    broker: str, topic: str, expected: int, timeout_s: float, alive: Callable[[], bool]
) -> Throughput:
    """Wait for ``expected`` records in ``topic``; their first-to-last timestamp span."""
    cons = consumer(settings_for(broker), topic, fetch_max_wait_ms=50)
    await cons.start()
    first = last = None
    seen: set[bytes] = set()
    deadline = time.monotonic() + timeout_s
    try:
        while len(seen) < expected and time.monotonic() < deadline:
            if not alive():
                raise RuntimeError(f"a contender exited early while filling {topic}")
            for records in (await cons.getmany(timeout_ms=200, max_records=5000)).values():
                for record in records:
                    seen.add(record.key or b"")
                    first = record.timestamp if first is None else min(first, record.timestamp)
                    last = record.timestamp if last is None else max(last, record.timestamp)
    finally:
        await cons.stop()
    if len(seen) < expected or first is None or last is None:
        raise TimeoutError(f"only {len(seen)} of {expected} outputs arrived in {topic}")
    return Throughput(len(seen), (last - first) / 1000.0)


def start_geopulse(
    broker: str, source: str, sink: str, group: str, workers: int = 1, log_dir: Path | None = None
) -> Contender:
    """``workers`` geopulse worker processes in one group (events and DLQ topics their own)."""
    procs, ports = [], []
    for n in range(workers):
        port = free_port()
        env = {
            **os.environ,
            "GEOPULSE_BROKER": broker,
            "GEOPULSE_INPUT_TOPIC": source,
            "GEOPULSE_OUTPUT_TOPIC": sink,
            "GEOPULSE_EVENTS_TOPIC": f"{sink}.events",
            "GEOPULSE_DLQ_TOPIC": f"{sink}.dlq",
            "GEOPULSE_GROUP": group,
            "GEOPULSE_WEB_PORT": str(port),
            "GEOPULSE_LOG_LEVEL": "WARNING",
            "GEOPULSE_SESSION_TIMEOUT_MS": SESSION_MS,
            "GEOPULSE_DATA_DIR": f"/tmp/geopulse-bench/{group}-{n}",
        }
        log = (log_dir / f"{group}-{n}.log").open("ab") if log_dir else subprocess.DEVNULL
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "service", "worker"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        ports.append(port)
    return Contender(f"geopulse×{workers}", procs, ports)


def start_peer(kind: str, broker: str, source: str, sink: str, group: str) -> Contender:
    proc = subprocess.Popen(
        [sys.executable, "-m", "service.bench.peers", kind, broker, source, sink, group],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return Contender(kind, [proc], [])


Starter = Callable[[str, str, str, str], Contender]


def measure(
    broker: str, source: str, expected: int, start: Starter, timeout_s: float = 600.0
) -> tuple[Throughput, float, float | None]:
    """Run one contender over the input topic: (throughput, peak RSS in MB, articles per
    second of in-worker tagging time, None for a peer)."""
    tag = uuid.uuid4().hex[:6]
    sink, group = f"bench.{tag}.out", f"bench-{tag}"
    asyncio.run(create_topics(broker, [sink, f"{sink}.events", f"{sink}.dlq"], 4))
    contender = start(broker, source, sink, group)
    try:
        result = asyncio.run(output_span(broker, sink, expected, timeout_s, contender.alive))
        return result, contender.peak_rss_mb(), contender.tagging_rate()
    finally:
        contender.stop()


def wait_ready(contender: Contender, timeout_s: float = 120.0) -> None:
    """Until every geopulse process in ``contender`` answers 200 on /ready."""
    deadline = time.monotonic() + timeout_s
    pending = list(contender.web_ports)
    while pending and time.monotonic() < deadline:
        port = pending[0]
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=1) as r:
                if r.status == 200:
                    pending.pop(0)
                    continue
        except OSError:
            pass
        time.sleep(0.2)
    if pending:
        raise TimeoutError("geopulse worker did not become ready")


async def paced_latency(
    broker: str, source: str, sink: str, messages: Messages, rate: float
) -> list[float]:
    """Offer ``messages`` at ``rate``/s; per message, seconds from send to its output arriving."""
    settings = settings_for(broker)
    sent: dict[bytes, float] = {}
    latencies: list[float] = []
    cons = consumer(settings, sink, fetch_max_wait_ms=5)
    prod = producer(settings, linger_ms=0)
    await cons.start()
    await prod.start()

    async def offer() -> None:
        started = time.perf_counter()
        for i, (key, value) in enumerate(messages):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            sent[key] = time.perf_counter()
            await prod.send(source, value, key=key)

    async def collect() -> None:
        while len(latencies) < len(messages):
            for records in (await cons.getmany(timeout_ms=100)).values():
                now = time.perf_counter()
                latencies.extend(now - sent[r.key] for r in records if r.key in sent)

    try:
        await asyncio.wait_for(asyncio.gather(offer(), collect()), len(messages) / rate + 60)
    finally:
        await prod.stop()
        await cons.stop()
    return latencies


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
