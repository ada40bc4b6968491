"""Fault scenarios against a real broker, shared by ``tests/test_faults.py`` and the table.

Each scenario starts real worker processes (``python -m service worker``) against a Tansu
broker, injects one fault — SIGKILL of the worker, SIGSTOP of the broker, a broker restart,
a poison message, SIGTERM — and then accounts for every input: in the output, in the dead-letter
topic, or lost. ``python -m service reliability`` runs them all and prints a Markdown table;
the tests run the same functions and assert on the same :class:`Outcome`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from service.broker import EmbeddedBroker, free_port
from service.config import Settings, load_settings
from service.kafka import consumer, ensure_topics, producer
from service.runner import DEMO_ARTICLES

Message = tuple[bytes, bytes]
REPO = Path(__file__).resolve().parents[1]
# Short timeouts so that faults longer than them happen within seconds, not minutes.
FAULT_ENV = {
    "GEOPULSE_SESSION_TIMEOUT_MS": "6000",
    "GEOPULSE_REQUEST_TIMEOUT_MS": "5000",
    "GEOPULSE_BATCH_MAX": "20",
    "GEOPULSE_LOG_LEVEL": "INFO",
}


# --- the worker as a process ---------------------------------------------------------------


@dataclass
class Worker:
    """``python -m service worker`` as a child process with its own web port and log file."""

    env: dict[str, str]
    log_path: Path
    web_port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Worker:
        env = {**os.environ, **self.env, "GEOPULSE_WEB_PORT": str(self.web_port)}
        env.setdefault("GEOPULSE_DATA_DIR", str(self.log_path.parent / f"data-{self.web_port}"))
        with self.log_path.open("ab") as sink:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "service", "worker"],
                env=env,
                cwd=REPO,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        return self

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def get(self, path: str, timeout: float = 3.0) -> tuple[int, bytes]:
        """Status and body of ``GET path`` on the worker's HTTP port (0 when unreachable)."""
        url = f"http://127.0.0.1:{self.web_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                return int(response.status), bytes(response.read())
        except urllib.error.HTTPError as exc:
            return int(exc.code), bytes(exc.read())
        except OSError:
            return 0, b""

    def rebalances_done(self) -> int:
        """Rebalances this worker has completed, from its own metrics (0 when unreachable)."""
        status, body = self.get("/metrics")
        for line in body.decode().splitlines() if status == 200 else ():
            if line.startswith("geopulse_faust_rebalance_duration_seconds_count"):
                return int(float(line.split()[-1]))
        return 0

    def wait_rebalanced(self, beyond: int, timeout_s: float = 90.0) -> None:
        """Until the worker has completed more than ``beyond`` rebalances."""
        deadline = time.monotonic() + timeout_s
        while self.rebalances_done() <= beyond:
            if time.monotonic() > deadline:
                raise TimeoutError(f"worker did not rejoin its group:\n{self.log_tail()}")
            time.sleep(0.2)

    def wait_ready(self, timeout_s: float = 90.0) -> float:
        """Seconds until ``/ready`` says 200; raises if the process dies or time runs out."""
        return self.wait_status(200, timeout_s)

    def wait_status(self, status: int, timeout_s: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout_s:
            if not self.alive:
                raise RuntimeError(f"worker exited ({self.returncode}):\n{self.log_tail()}")
            if self.get("/ready")[0] == status:
                return time.monotonic() - started
            time.sleep(0.2)
        raise TimeoutError(f"/ready never said {status} in {timeout_s}s:\n{self.log_tail()}")

    @property
    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def kill(self) -> None:
        """SIGKILL: no shutdown, no commit."""
        if self.alive and self.proc is not None:
            self.proc.kill()
            self.proc.wait(30)

    def terminate(self, timeout_s: float = 60.0) -> int:
        """SIGTERM, wait for the exit code; SIGKILL (and -9) if it does not come in time."""
        if self.proc is None:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(30)


@contextlib.contextmanager
def running(workers: list[Worker]) -> Iterator[list[Worker]]:
    """Kill every worker started in the block, whatever happens (tests must not leak them)."""
    try:
        yield workers
    finally:
        for w in workers:
            w.kill()


# --- topics, input and accounting ----------------------------------------------------------


def fresh_env(broker: str, partitions: int = 2, **extra: str) -> dict[str, str]:
    """Worker environment with fresh topic and group names, so runs never see each other."""
    tag = uuid.uuid4().hex[:8]
    return {
        "GEOPULSE_BROKER": broker,
        "GEOPULSE_INPUT_TOPIC": f"r{tag}.articles",
        "GEOPULSE_OUTPUT_TOPIC": f"r{tag}.enriched",
        "GEOPULSE_EVENTS_TOPIC": f"r{tag}.events",
        "GEOPULSE_DLQ_TOPIC": f"r{tag}.dlq",
        "GEOPULSE_GROUP": f"r{tag}",
        "GEOPULSE_PARTITIONS": str(partitions),
        **FAULT_ENV,
        **extra,
    }


def articles(n: int, prefix: str) -> list[Message]:
    """``n`` distinct articles (the demo bodies under fresh ids) as (key, value) pairs."""
    bodies = [a for a in map(_json_or_none, DEMO_ARTICLES.read_text().splitlines()) if a]
    out: list[Message] = []
    for i in range(n):
        key = f"{prefix}-{i:05d}"
        out.append((key.encode(), orjson.dumps({**bodies[i % len(bodies)], "id": key})))
    return out


def _json_or_none(line: str) -> dict[str, object] | None:
    """A demo line that is a good article (the demo file has deliberately bad ones too)."""
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, dict) and isinstance(value.get("body"), str) else None


def produce(settings: Settings, messages: list[Message], timeout_s: float = 60.0) -> None:
    """Publish and wait for the broker's acks."""

    async def go() -> None:
        prod = producer(
            settings, request_timeout_ms=int(timeout_s * 1000), max_request_size=16 << 20
        )
        await asyncio.wait_for(prod.start(), timeout_s)
        try:
            futures = [await prod.send(settings.input_topic, v, key=k) for k, v in messages]
            await asyncio.wait_for(asyncio.gather(*futures), timeout_s)
        finally:
            await prod.stop()

    asyncio.run(go())


def create_topics(settings: Settings) -> None:
    asyncio.run(ensure_topics(settings))


@dataclass
class Tally:
    """Everything in the output and dead-letter topics, by key."""

    outputs: dict[bytes, list[bytes]] = field(default_factory=lambda: defaultdict(list))
    dead: dict[bytes, list[bytes]] = field(default_factory=lambda: defaultdict(list))
    dead_classes: dict[bytes, str] = field(default_factory=dict)

    def accounted(self) -> set[bytes]:
        return set(self.outputs) | set(self.dead)


def collect(
    settings: Settings, expected: set[bytes], timeout_s: float = 120.0, settle_s: float = 1.5
) -> Tally:
    """Read output and DLQ from the start until every expected key is there (or time is up)."""

    async def go() -> Tally:
        tally = Tally()
        cons = consumer(settings, settings.output_topic, settings.dlq_topic)
        await cons.start()
        try:
            deadline = time.monotonic() + timeout_s
            while time.monotonic() < deadline and not expected <= tally.accounted():
                _add(tally, settings, await cons.getmany(timeout_ms=300))
            settle = time.monotonic() + settle_s  # duplicates arrive now or not at all
            while time.monotonic() < settle:
                _add(tally, settings, await cons.getmany(timeout_ms=300))
        finally:
            await cons.stop()
        return tally

    return asyncio.run(go())


def _add(tally: Tally, settings: Settings, batch: dict[object, list[object]]) -> None:
    for records in batch.values():
        for r in records:
            key, value = r.key, r.value  # type: ignore[attr-defined]
            if r.topic == settings.output_topic:  # type: ignore[attr-defined]
                tally.outputs[key].append(value)
            else:
                tally.dead[key].append(value)
                headers = dict(r.headers)  # type: ignore[attr-defined]
                tally.dead_classes[key] = headers["geopulse.error.class"].decode()


def output_count(settings: Settings) -> int:
    """How many records the output and DLQ topics hold now (sum of their end offsets)."""

    async def go() -> int:
        cons = consumer(settings, request_timeout_ms=10_000)
        await asyncio.wait_for(cons.start(), 20)
        try:
            tps = [
                tp
                for topic in (settings.output_topic, settings.dlq_topic)
                for tp in _partitions(cons, topic)
            ]
            ends = await asyncio.wait_for(cons.end_offsets(tps), 20)
            return int(sum(ends.values()))
        finally:
            await cons.stop()

    return asyncio.run(go())


def _partitions(cons: object, topic: str) -> list[object]:
    from aiokafka import TopicPartition

    parts = cons.partitions_for_topic(topic) or set()  # type: ignore[attr-defined]
    return [TopicPartition(topic, p) for p in sorted(parts)]


def wait_progress(settings: Settings, beyond: int, timeout_s: float = 120.0) -> float:
    """Seconds until the output topics hold more than ``beyond`` records."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        with contextlib.suppress(Exception):  # the broker may still be coming back
            if output_count(settings) > beyond:
                return time.monotonic() - started
        time.sleep(0.3)
    raise TimeoutError(f"no output beyond {beyond} records in {timeout_s}s")


# --- outcome -------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one scenario did to the stream: the row of the reliability table."""

    fault: str
    sent: int
    enriched: int
    dead_lettered: int
    lost: int
    duplicates: int
    identical: bool
    recovery_s: float
    worker_alive: bool
    ready_during_fault: list[int] = field(default_factory=list)
    ready_after: int = 0
    exit_code: int | None = None
    note: str = ""
    dead_classes: dict[str, str] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return self.lost == 0 and self.identical and self.worker_alive and self.ready_after == 200


def account(
    fault: str, sent: list[Message], tally: Tally, recovery_s: float, worker: Worker, **kw: object
) -> Outcome:
    """Compare what went in with what came out."""
    keys = {k for k, _ in sent}
    copies = [*tally.outputs.values(), *tally.dead.values()]
    both = set(tally.outputs) & set(tally.dead)  # one input in both topics would be a bug
    return Outcome(
        fault=fault,
        sent=len(keys),
        enriched=len(keys & set(tally.outputs)),
        dead_lettered=len(keys & set(tally.dead)),
        lost=len(keys - tally.accounted()),
        duplicates=sum(len(c) - 1 for c in copies) + len(both),
        identical=all(len(set(c)) == 1 for c in copies) and not both,
        recovery_s=recovery_s,
        worker_alive=worker.alive,
        ready_after=worker.get("/ready")[0],
        dead_classes={k.decode(): v for k, v in tally.dead_classes.items()},
        **kw,  # type: ignore[arg-type]
    )


# --- scenarios -----------------------------------------------------------------------------


def fresh_stream(broker: str, partitions: int = 2) -> tuple[dict[str, str], Settings]:
    """A worker environment with fresh names, its settings, and its topics created."""
    env = fresh_env(broker, partitions)
    settings = load_settings(env)
    create_topics(settings)
    return env, settings


def recovery_seconds(worker: Worker, settings: Settings, expected: int) -> float:
    """From now until the worker is ready and output grows again (unless all is out already)."""
    started = time.monotonic()
    before = output_count(settings)
    worker.wait_ready()
    if before < expected:
        wait_progress(settings, before)
    return time.monotonic() - started


# Long enough that all three kills land mid-stream: a worker tags ~1,300 articles/s, so a
# stream of 3,000 could be done before the second kill, leaving no progress to wait for.
KILL_STREAM = 15_000


def worker_sigkill(broker: EmbeddedBroker, workdir: Path, kills: int = 3, seed: int = 4) -> Outcome:
    """SIGKILL the worker at random moments mid-stream, restart it each time."""
    rng = random.Random(seed)
    env, settings = fresh_stream(broker.address)
    sent = articles(KILL_STREAM, "kill")
    log = workdir / "worker-sigkill.log"
    worker = Worker(env, log).start()
    with running([worker]) as workers:
        worker.wait_ready()
        produce(settings, sent)
        recoveries = []
        for _ in range(kills):
            wait_progress(settings, output_count(settings))
            time.sleep(rng.uniform(0.0, 1.5))
            worker.kill()
            worker = Worker(env, log).start()
            workers.append(worker)
            recoveries.append(recovery_seconds(worker, settings, len(sent)))
        tally = collect(settings, {k for k, _ in sent})
        return account(
            "worker SIGKILL ×3", sent, tally, max(recoveries), worker, note="random moments"
        )


def broker_pause(broker: EmbeddedBroker, workdir: Path, pause_s: float = 12.0) -> Outcome:
    """SIGSTOP the broker for longer than the request and session timeouts, then SIGCONT."""
    env, settings = fresh_stream(broker.address)
    sent = articles(2000, "pause")
    worker = Worker(env, workdir / "worker-pause.log").start()
    with running([worker]):
        worker.wait_ready()
        produce(settings, sent)
        wait_progress(settings, 50)
        during: list[int] = []
        broker.pause()
        try:
            deadline = time.monotonic() + pause_s
            while time.monotonic() < deadline:
                time.sleep(1.0)
                during.append(worker.get("/ready")[0])
        finally:
            broker.resume()
        recovery = recovery_seconds(worker, settings, len(sent))
        tally = collect(settings, {k for k, _ in sent})
        return account(
            f"broker paused {pause_s:.0f}s (SIGSTOP)",
            sent,
            tally,
            recovery,
            worker,
            ready_during_fault=during,
            note="request timeout 5s, session 6s",
        )


def broker_restart(workdir: Path, down_s: float = 5.0) -> Outcome:
    """Kill the broker and start a new one on the same port; it comes back empty (memory)."""
    port = free_port()
    first = EmbeddedBroker(port=port, log_path=workdir / "broker-restart.log").start()
    second: EmbeddedBroker | None = None
    env = fresh_env(first.address)
    settings = load_settings(env)
    try:
        create_topics(settings)
        worker = Worker(env, workdir / "worker-restart.log").start()
        with running([worker]):
            worker.wait_ready()
            produce(settings, articles(200, "before"))
            wait_progress(settings, 0)
            rejoined = worker.rebalances_done()
            first.stop()
            during = _poll_ready(worker, down_s)
            second = EmbeddedBroker(port=port, log_path=workdir / "broker-restart.log").start()
            started = time.monotonic()
            create_topics(settings)  # the new broker is empty: an operator recreates topics
            # A broker that lost its log restarts offsets at 0. Input that arrives before the
            # worker has rejoined (and re-seeked) could sit below its old fetch position and be
            # skipped — a hazard only of brokers that lose data, which Kafka does not.
            worker.wait_rebalanced(rejoined)
            fresh = articles(300, "after")
            produce(settings, fresh)
            worker.wait_ready(90)
            with contextlib.suppress(TimeoutError):  # counted as lost below if it never comes
                wait_progress(settings, 0, timeout_s=90)
            recovery = time.monotonic() - started
            tally = collect(settings, {k for k, _ in fresh}, timeout_s=60)
            return account(
                "broker killed + restarted",
                fresh,
                tally,
                recovery,
                worker,
                ready_during_fault=during,
                note="counts input sent after the restart; the old broker's data is gone",
            )
    finally:
        first.stop()
        if second is not None:
            second.stop()


def _poll_ready(worker: Worker, seconds: float) -> list[int]:
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(1.0)
        seen.append(worker.get("/ready")[0])
    return seen


POISON: dict[bytes, tuple[bytes, str]] = {
    b"poison-utf8": (b'{"id": "p", "body": "\xc3\x28"}', "invalid_utf8"),
    b"poison-deep": (
        b'{"id": "p", "body": "x", "metadata": ' + b"[" * 600 + b"]" * 600 + b"}",
        "schema",
    ),
    b"poison-nul": (b"\x00" * 64, "invalid_json"),
    b"poison-big": (orjson.dumps({"id": "p", "body": "war " * 300_000}), "too_large"),
}


def poison_message(broker: EmbeddedBroker, workdir: Path) -> Outcome:
    """Poison messages in the middle of one partition: dead-lettered, the rest flows past."""
    env, settings = fresh_stream(broker.address, 1)
    before, after = articles(300, "pre"), articles(300, "post")
    poison = [(k, v) for k, (v, _) in POISON.items()]
    sent = before + poison + after
    worker = Worker(env, workdir / "worker-poison.log").start()
    with running([worker]):
        started = time.monotonic()
        worker.wait_ready()
        produce(settings, sent)
        tally = collect(settings, {k for k, _ in sent})
        return account(
            "poison messages mid-partition",
            sent,
            tally,
            time.monotonic() - started,
            worker,
            note="recovery = time for the whole partition",
        )


def clean_shutdown(broker: EmbeddedBroker, workdir: Path, stop_within_s: float = 60.0) -> Outcome:
    """SIGTERM mid-stream: exit 0 in bounded time, then a restart repeats nothing."""
    env, settings = fresh_stream(broker.address)
    sent = articles(2000, "term")
    log = workdir / "worker-sigterm.log"
    worker = Worker(env, log).start()
    with running([worker]) as workers:
        worker.wait_ready()
        produce(settings, sent)
        wait_progress(settings, 100)
        stopping = time.monotonic()
        code = worker.terminate(stop_within_s)
        stop_s = time.monotonic() - stopping
        worker = Worker(env, log).start()
        workers.append(worker)
        recovery = recovery_seconds(worker, settings, len(sent))
        tally = collect(settings, {k for k, _ in sent})
        return account(
            "worker SIGTERM + restart",
            sent,
            tally,
            recovery,
            worker,
            exit_code=code,
            note=f"exit {code} in {stop_s:.1f}s",
        )


# --- the table -----------------------------------------------------------------------------

Scenario = Callable[[Path], Outcome]


def _with_broker(run: Callable[[EmbeddedBroker, Path], Outcome]) -> Scenario:
    def scenario(workdir: Path) -> Outcome:
        with EmbeddedBroker(log_path=workdir / "broker.log") as broker:
            return run(broker, workdir)

    return scenario


SCENARIOS: dict[str, Scenario] = {
    "sigkill": _with_broker(worker_sigkill),
    "pause": _with_broker(broker_pause),
    "restart": broker_restart,
    "poison": _with_broker(poison_message),
    "sigterm": _with_broker(clean_shutdown),
}


def table(outcomes: list[Outcome]) -> str:
    """The Markdown table of the README's Reliability section."""
    rows = [
        "| fault | in | out | dead-lettered | lost | duplicates | recovery | notes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for o in outcomes:
        ready = ""
        if o.ready_during_fault:
            seen = "/".join(str(s) for s in sorted(set(o.ready_during_fault)))
            ready = f"; /ready during fault: {seen}"
        dup = f"{o.duplicates} ({'identical' if o.identical else 'DIFFERENT'})"
        rows.append(
            f"| {o.fault} | {o.sent} | {o.enriched} | {o.dead_lettered} | {o.lost} | {dup} "
            f"| {o.recovery_s:.1f}s | {o.note}{ready} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """``python -m service reliability [SCENARIO …]``: run the faults, print the table."""
    parser = argparse.ArgumentParser(prog="geopulse reliability", description=__doc__)
    parser.add_argument("scenarios", nargs="*", choices=[*SCENARIOS, []], metavar="SCENARIO")
    args = parser.parse_args(argv)
    names = args.scenarios or list(SCENARIOS)
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="geopulse-reliability-") as tmp:
        for name in names:
            print(f"running {name}…", file=sys.stderr, flush=True)
            outcomes.append(SCENARIOS[name](Path(tmp)))
    print(table(outcomes))
    return 0 if all(o.healthy for o in outcomes) else 1
