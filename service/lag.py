"""Consumer lag, refreshed on a timer as well as after each batch.

Per-batch updates alone go quiet exactly when lag matters: a stalled agent finishes no batch,
so its last (small) lag would stay on the gauge forever. Every few seconds this asks the broker
for each assigned partition's end offset and the group's committed offset, so lag keeps growing
on a worker that has stopped making progress.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.structs import TopicPartition
from faust.types import TP, AppT

from service.metrics import Metrics

log = logging.getLogger(__name__)


class LagMonitor:
    """Sets ``geopulse_consumer_lag_messages`` and ``…_end_offset`` for assigned partitions."""

    def __init__(
        self,
        app: AppT,
        topic: str,
        group: str,
        metrics: Metrics,
        positions: Mapping[TP, int],
        client_options: dict[str, Any],
        interval_s: float = 5.0,
    ) -> None:
        self._app, self._topic, self._group = app, topic, group
        self._metrics = metrics
        self._positions = positions  # next offset to process, per partition, kept by the agent
        self._options = client_options
        self._interval_s = interval_s
        self._admin: AIOKafkaAdminClient | None = None
        self._shown: set[tuple[str, str]] = set()

    async def run(self) -> None:
        failing = False
        try:
            while True:
                await asyncio.sleep(self._interval_s)
                try:
                    await asyncio.wait_for(self.refresh(), timeout=max(10.0, self._interval_s))
                    failing = False
                except Exception as exc:  # broker away or group rebalancing: try next time
                    if not failing:  # once per streak; /ready reports the broker itself
                        log.warning("lag refresh failed", extra={"error": repr(exc)})
                    failing = True
                    await self.close()
        finally:
            await self.close()

    async def refresh(self) -> None:
        """One round: end offsets and committed offsets from the broker → gauges."""
        consumer = self._app.consumer
        assigned = sorted(tp for tp in consumer.assignment() if tp.topic == self._topic)
        self._metrics.assigned_partitions.set(len(assigned))
        lags: dict[TP, tuple[int, int]] = {}
        if assigned:
            listed = await consumer.highwaters(*assigned)
            starts = await self._starts(assigned)
            for tp in assigned:
                end = max(listed.get(tp) or 0, _fetched_end(consumer, tp), starts[tp])
                lags[tp] = (end, end - starts[tp])
        self._publish(lags)

    async def _starts(self, assigned: list[TP]) -> dict[TP, int]:
        """The next offset to process: what this worker reached, or what the group committed."""
        committed = await self._committed(assigned)
        missing = [tp for tp in assigned if tp not in committed and tp not in self._positions]
        earliest = await self._app.consumer.earliest_offsets(*missing) if missing else {}
        return {
            tp: max(self._positions.get(tp, 0), committed.get(tp, earliest.get(tp, 0)))
            for tp in assigned
        }

    async def _committed(self, assigned: list[TP]) -> dict[TP, int]:
        if self._admin is None:
            admin = AIOKafkaAdminClient(**self._options, request_timeout_ms=5000)
            await admin.start()
            self._admin = admin
        # Naming the partitions is cheaper, and some brokers (Tansu) mishandle "all partitions".
        wanted = [TopicPartition(tp.topic, tp.partition) for tp in assigned]
        offsets = await self._admin.list_consumer_group_offsets(self._group, partitions=wanted)
        return {
            TP(tp.topic, tp.partition): meta.offset
            for tp, meta in offsets.items()
            if meta.offset >= 0
        }

    def _publish(self, lags: dict[TP, tuple[int, int]]) -> None:
        m = self._metrics
        shown = set()
        for tp, (end, lag) in lags.items():
            labels = (tp.topic, str(tp.partition))
            m.end_offset.labels(*labels).set(end)
            m.lag.labels(*labels).set(lag)
            shown.add(labels)
        for labels in self._shown - shown:  # revoked: another worker reports it now
            with contextlib.suppress(KeyError):
                m.lag.remove(*labels)
                m.end_offset.remove(*labels)
        self._shown = shown

    async def close(self) -> None:
        admin, self._admin = self._admin, None
        if admin is not None:
            with contextlib.suppress(Exception):
                await admin.close()


def _fetched_end(consumer: Any, tp: TP) -> int:
    """The end offset the fetcher last saw: a floor for the listed one, which some brokers
    (Tansu) under-report as the start of the last record batch instead of the log end."""
    try:
        return int(consumer.highwater(tp) or 0)
    except Exception:  # not fetched from yet
        return 0
