"""Helpers for tests that talk to a real broker: worker processes, producing, draining topics."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from aiokafka import ConsumerRecord

from service.broker import free_port
from service.config import Settings, load_settings
from service.kafka import consumer, ensure_topics, producer

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


@dataclass
class WorkerProcess:
    """``python -m service worker`` as a child process with its own web port and log file."""

    settings: Settings
    log_path: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    web_port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        env = {
            **os.environ,
            **settings_env(self.settings),
            "GEOPULSE_WEB_PORT": str(self.web_port),
            "GEOPULSE_DATA_DIR": str(self.log_path.parent / f"data-{self.web_port}"),
            **self.extra_env,
        }
        sink = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "service", "worker"],
            env=env,
            cwd=REPO,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        sink.close()
        return self

    def get(self, path: str, timeout: float = 2.0) -> tuple[int, bytes]:
        url = f"http://127.0.0.1:{self.web_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return int(response.status), bytes(response.read())
        except urllib.error.HTTPError as exc:
            return int(exc.code), bytes(exc.read())

    def wait_ready(self, timeout_s: float = 60.0) -> None:
        """Block until ``/ready`` says 200 (partitions assigned, broker reachable)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                if self.get("/ready")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"worker not ready after {timeout_s}s; log:\n{self.log_tail()}")

    def _check_alive(self) -> None:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def kill(self) -> None:
        """SIGKILL: no shutdown, no commit — the crash the at-least-once promise is about."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def terminate(self, timeout_s: float = 30.0) -> int:
        """SIGTERM and wait for a clean exit; returns the exit code."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


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
