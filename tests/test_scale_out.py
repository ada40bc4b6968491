"""Scale-out on a real broker: one group of workers shares six partitions, loses one to SIGKILL
and gains another, and no input is lost.

How fast a dead worker's partitions move is governed by GEOPULSE_SESSION_TIMEOUT_MS (default
10000; 6000 here): the broker only notices a silent member when its session expires, then the
survivors rejoin (Tansu answers a join after about half a session timeout) and split the work.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from service.broker import EmbeddedBroker
from service.config import Settings
from tests.articles import messages
from tests.kafka_helpers import (
    Record,
    WorkerProcess,
    create_topics,
    drain,
    produce,
    unique_settings,
)

pytestmark = [pytest.mark.broker, pytest.mark.slow, pytest.mark.timeout(900)]

PARTITIONS = 6
SESSION_TIMEOUT_MS = 6000
# Detection (one session timeout) + the survivors' next heartbeat + Tansu's join delay (half a
# session) + sync, with room for a loaded two-core machine: five session timeouts.
TAKEOVER_BOUND_S = 5 * SESSION_TIMEOUT_MS / 1000
BAD: list[tuple[bytes | None, bytes]] = [(f"bad-{i}".encode(), b"{not json") for i in range(6)]


def assigned(worker: WorkerProcess) -> int | None:
    """Partitions the worker reports on ``/ready``; None if it does not answer."""
    try:
        _, body = worker.get("/ready")
        return int(orjson.loads(body)["assigned_partitions"])
    except (OSError, ValueError, KeyError):
        return None


def wait_for_split(
    workers: list[WorkerProcess], timeout_s: float, start: float | None = None
) -> tuple[float, list[int | None]]:
    """Block until ``workers`` together own every partition, each at least one.

    Returns the seconds since ``start`` (default: now) and the counts. Counts only add up to
    the total once every worker holds its new assignment (old and new shares never sum to it).
    """
    start = time.monotonic() if start is None else start
    deadline = time.monotonic() + timeout_s
    counts: list[int | None] = []
    while time.monotonic() < deadline:
        counts = [assigned(w) for w in workers]
        if all(c for c in counts) and sum(c or 0 for c in counts) == PARTITIONS:
            return time.monotonic() - start, counts
        time.sleep(0.1)
    tails = "\n---\n".join(w.log_tail(15) for w in workers)
    raise TimeoutError(f"partitions not split after {timeout_s}s: {counts}\n{tails}")


def wait_for_output(settings: Settings, minimum: int, timeout_s: float = 120.0) -> int:
    """Block until the output topic holds at least ``minimum`` records; returns the count."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        got = drain(settings, settings.output_topic, until=minimum, timeout_s=2, settle_s=0)
        if len(got) >= minimum:
            return len(got)
    raise TimeoutError(f"fewer than {minimum} outputs after {timeout_s}s")


@contextlib.contextmanager
def workers_cleaned_up() -> Iterator[list[WorkerProcess]]:
    """A list to put started workers in; every one still running is stopped on the way out."""
    started: list[WorkerProcess] = []
    try:
        yield started
    finally:
        for worker in started:
            with contextlib.suppress(Exception):
                worker.terminate(timeout_s=30)
            worker.kill()


def test_group_survives_sigkill_and_scale_out_without_loss(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings = unique_settings(
        broker.address,
        partitions=PARTITIONS,
        GEOPULSE_BATCH_MAX="20",
        GEOPULSE_SESSION_TIMEOUT_MS=str(SESSION_TIMEOUT_MS),
    )
    create_topics(settings)
    before, during, after = messages(3000, "p1"), messages(1000, "p2"), messages(1000, "p3")
    with workers_cleaned_up() as workers:
        for i in range(3):
            workers.append(WorkerProcess(settings, tmp_path / f"worker{i}.log").start())
        for worker in workers:
            worker.wait_ready(timeout_s=180)
        _, initial = wait_for_split(workers, timeout_s=180)

        produce(settings, before + BAD[:3])
        done_at_kill = wait_for_output(settings, minimum=100)
        victim, survivors = workers[0], workers[1:]
        victim.kill()
        killed_at = time.monotonic()
        produce(settings, during)  # lands on the victim's partitions too
        takeover_s, after_kill = wait_for_split(survivors, timeout_s=120, start=killed_at)

        newcomer = WorkerProcess(settings, tmp_path / "worker3.log").start()
        workers.append(newcomer)
        joined_at = time.monotonic()
        produce(settings, after + BAD[3:])
        join_s, after_join = wait_for_split([*survivors, newcomer], timeout_s=180, start=joined_at)

        sent = before + during + after
        enriched = drain(settings, settings.output_topic, until=len(sent), timeout_s=300)
        dead = drain(settings, settings.dlq_topic, until=len(BAD), timeout_s=60)
        codes = [w.terminate() for w in [*survivors, newcomer]]

    print(
        f"\nscale-out: initial split {initial}; {done_at_kill} outputs before SIGKILL; "
        f"takeover {takeover_s:.1f}s (bound {TAKEOVER_BOUND_S:.0f}s, session "
        f"{SESSION_TIMEOUT_MS} ms) -> {after_kill}; newcomer joined in {join_s:.1f}s -> "
        f"{after_join}; {len(enriched)} enriched for {len(sent)} inputs, {len(dead)} dead letters"
    )
    assert codes == [0, 0, 0], "survivors and newcomer stop cleanly on SIGTERM"
    assert takeover_s < TAKEOVER_BOUND_S, f"takeover took {takeover_s:.1f}s"
    assert_nothing_lost(sent, enriched, dead)


def assert_nothing_lost(
    sent: list[tuple[bytes | None, bytes]], enriched: list[Record], dead: list[Record]
) -> None:
    """Every good input is enriched (repeats identical), every bad one dead-lettered."""
    values: dict[bytes | None, set[bytes | None]] = defaultdict(set)
    for record in enriched:
        values[record.key].add(record.value)
    assert set(values) == {k for k, _ in sent}, "every article ends in the output"
    assert all(len(v) == 1 for v in values.values()), "a repeated output is identical"
    assert {r.key for r in dead} == {k for k, _ in BAD}, "every bad input is dead-lettered"
