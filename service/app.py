"""The Faust app: wires the pure :class:`~service.pipeline.Pipeline` to Kafka topics.

Delivery is at-least-once. The agent takes messages in batches; for each batch it produces
every output (enriched record, events, or dead letter) without awaiting them one by one, then
waits until the broker has acknowledged all of them, retrying what failed. Only then does the
batch end, and Faust acks its input offsets — so a committed offset always has its outputs
durably in Kafka. An exception never escapes the batch: a bad message costs one dead letter.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

import faust
from aiokafka.errors import KafkaError
from faust.exceptions import ProducerSendError
from faust.types import EventT

from service.config import Settings
from service.contracts import BadInput, ErrorClass, dead_letter_headers
from service.delivery import BatchProducer, Output, Sent, send_batches
from service.kafka import client_options, ssl_context
from service.lag import LagMonitor
from service.metrics import Metrics, PrometheusSensor
from service.pipeline import Enriched, Pipeline

log = logging.getLogger(__name__)

# Errors a resend cannot fix: the record itself is refused, so its input is dead-lettered.
_PERMANENT = frozenset(
    {"MessageSizeTooLargeError", "RecordTooLargeError", "InvalidTopicError", "CorruptRecordError"}
)
MAX_BACKOFF_S = 5.0
# A record batch per topic-partition and batch of input (service.delivery): at aiokafka's
# default of 16 KB, a batch of ~8 KB enriched records would be split into hundreds.
PRODUCER_BATCH_BYTES = 1 << 20
ERROR_CLASS_HEADER = "geopulse.error.class"


def broker_credentials(settings: Settings) -> Any:
    """Faust credentials for the configured SASL/TLS settings (None for plaintext)."""
    sec = settings.security
    context = ssl_context(sec)
    if sec.sasl_mechanism:
        return faust.SASLCredentials(
            username=sec.sasl_username,
            password=sec.sasl_password,
            mechanism=sec.sasl_mechanism,
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def create_app(settings: Settings, pipeline: Pipeline, metrics: Metrics) -> faust.App:
    """Build the Faust app and register the enrichment agent on the input topic."""
    session = settings.session_timeout_s
    app = faust.App(
        settings.group,
        broker=[f"kafka://{b}" for b in settings.brokers],
        broker_credentials=broker_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.partitions,
        topic_disable_leader=True,
        web_enabled=False,
        datadir=str(settings.data_dir),
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Faust's default (20 minutes) would hold a batch that long on a hung broker; a
        # timed-out send is resent by Enricher._deliver, so a short timeout loses nothing.
        producer_request_timeout=settings.request_timeout_s,
        # The client-side size check (default 1 MB) would refuse dead letters of inputs the
        # broker itself accepted; the broker's own limit still applies and is handled.
        producer_max_request_size=max(16 << 20, 8 * settings.max_body_bytes),
        producer_max_batch_size=PRODUCER_BATCH_BYTES,
        broker_session_timeout=session,
        broker_heartbeat_interval=max(0.5, session / 5),
        broker_rebalance_timeout=max(session, 10.0),
        broker_commit_every=settings.batch_max,
        stream_buffer_maxsize=max(4096, 2 * settings.batch_max),
        stream_wait_empty=False,
    )
    source = app.topic(settings.input_topic, key_serializer="raw", value_serializer="raw")
    enricher = Enricher(app, settings, pipeline, metrics)
    app.agent(source, name="geopulse.enrich")(enricher.run)
    app.sensors.add(PrometheusSensor(metrics.faust))
    lag = LagMonitor(
        app,
        settings.input_topic,
        settings.group,
        metrics,
        enricher.positions,
        client_options(settings),
    )
    app.task(lag.run)
    _seek_uncommitted_to_beginning(app.consumer)
    _limit_fetch_wait(app.consumer, settings.fetch_max_wait_s)
    _commit_acked_on_stop(app.consumer)
    return app


def _commit_acked_on_stop(consumer: Any) -> None:
    """Commit every acked offset when the consumer stops.

    Faust's ``commit()`` waits for a commit already in flight and then commits nothing, so a
    stop that lands during a periodic commit left out the batches acked since that commit
    began (a restart repeated two batches, 40 articles, where one is the most a clean stop
    may repeat). A commit before Faust's own makes the one in its ``on_stop`` a real one.
    """
    stop = consumer.on_stop

    async def on_stop() -> None:
        await consumer.commit()  # (waits out a commit in flight, if one is)
        await stop()

    consumer.on_stop = on_stop


def _limit_fetch_wait(consumer: Any, seconds: float) -> None:
    """Hold an input fetch at most ``seconds`` on an empty partition (Faust fixes 1.5 s).

    Kafka answers a fetch as soon as a record arrives, but a broker may hold it to the limit
    (the embedded one does): then every article could wait up to 1.5 s before it is read.
    """
    thread = consumer._thread
    create = thread._create_worker_consumer

    def create_with_limit(transport: Any) -> Any:
        kafka_consumer = create(transport)
        kafka_consumer._fetch_max_wait_ms = max(1, int(seconds * 1000))  # read at its start
        return kafka_consumer

    thread._create_worker_consumer = create_with_limit


def _seek_uncommitted_to_beginning(consumer: Any) -> None:
    """After each rebalance, start partitions without a committed offset from the beginning.

    Faust seeks assigned partitions to their committed offsets, but aiokafka leaves the fetch
    position where it was when a partition has none. A cluster that lost its log (or a topic
    deleted and recreated) restarts offsets at 0, so the stale position would skip everything
    up to it. Without a committed offset, the beginning is what ``auto_offset_reset=earliest``
    means anyway; at worst a partition is re-read, and re-read outputs are identical.
    """
    perform_seek = consumer.perform_seek

    async def seek() -> None:
        await perform_seek()
        for tp in consumer.assignment():
            if not consumer._committed_offset.get(tp):
                await consumer.seek(tp, 0)  # below the log start, the reset policy applies

    consumer.perform_seek = seek


class Enricher:
    """The agent body: batches in, outputs produced and acknowledged, metrics updated."""

    def __init__(
        self, app: faust.App, settings: Settings, pipeline: Pipeline, metrics: Metrics
    ) -> None:
        self._app = app
        self._settings = settings
        self._pipeline = pipeline
        self._metrics = metrics
        self.positions: dict[Any, int] = {}  # next offset to process per partition (for lag)

    async def run(self, stream: faust.StreamT) -> AsyncIterator[None]:
        within = self._settings.batch_within_s
        batches = stream.take_events(self._settings.batch_max, within=within)  # type: ignore[attr-defined]
        async for events in batches:
            await self.handle(events)
            for event in events:
                # acked now: Faust acks a batch only when the next one is asked for, and a
                # stop between the two left it out of the final commit (repeated on restart)
                event.ack()
            yield None

    async def handle(self, events: Sequence[EventT]) -> None:
        """Process one batch end to end; returns only when every output is acknowledged."""
        m = self._metrics
        m.consumed.inc(len(events))
        m.in_flight.set(len(events))
        outputs, enriched = self._outputs(events)
        await self._deliver(outputs)
        m.observe_batch(
            [(event.message.timestamp, outcome) for event, outcome in enriched], time.time()
        )
        dlq = self._settings.dlq_topic
        m.observe_dead_letters(
            dict(out.headers)[ERROR_CLASS_HEADER].decode()
            for out in outputs
            if out.topic == dlq and out.headers
        )
        m.in_flight.set(0)
        m.batch_done(len(events))
        self._observe_lag(events)

    def _outputs(
        self, events: Sequence[EventT]
    ) -> tuple[list[Output], list[tuple[EventT, Enriched]]]:
        s = self._settings
        outputs: list[Output] = []
        enriched: list[tuple[EventT, Enriched]] = []
        for event in events:
            outcome = self._pipeline.process(event.message.value)
            if isinstance(outcome, Enriched):
                outputs.append(Output(s.output_topic, outcome.key, outcome.value, None, event))
                if s.events_topic:
                    outputs.extend(
                        Output(s.events_topic, outcome.key, v, None, event)
                        for v in outcome.event_values
                    )
                enriched.append((event, outcome))
            else:
                outputs.append(self._dead_letter(event, outcome.error))
                log.warning(
                    "dead-lettered input",
                    extra=_where(event) | {"error_class": outcome.error.error_class.value},
                )
        return outputs, enriched

    def _dead_letter(self, event: EventT, error: BadInput) -> Output:
        msg = event.message
        headers = dead_letter_headers(error, msg.topic, msg.partition, msg.offset)
        return Output(self._settings.dlq_topic, msg.key, msg.value, headers, event)

    async def _deliver(self, outputs: list[Output]) -> None:
        """Produce ``outputs`` and wait for the broker's acks, resending until all succeed."""
        backoff = 0.1
        pending = outputs
        while pending:
            sent = await self._send(pending)
            results = await asyncio.gather(*(s.ack for s in sent), return_exceptions=True)
            failed = [
                (out, result, len(s.outputs))
                for s, result in zip(sent, results, strict=True)
                if isinstance(result, BaseException)
                for out in s.outputs
            ]
            if not failed:
                return
            self._metrics.faust.send_errors.inc(len(failed))
            pending = self._after_failure(failed, outputs)
            self._metrics.produce_retries.inc()
            log.warning(
                "broker did not acknowledge outputs; retrying",
                extra={"count": len(pending), "error": repr(failed[0][1])},
            )
            await asyncio.sleep(backoff)
            backoff = min(MAX_BACKOFF_S, backoff * 2)

    async def _send(self, outputs: list[Output]) -> list[Sent]:
        """Submit ``outputs`` as record batches; a refusal before queueing is a failed ack."""
        try:
            return await send_batches(self._kafka_producer(), outputs)
        except (KafkaError, ProducerSendError) as exc:
            failed: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            cause = exc.__cause__ if isinstance(exc.__cause__, KafkaError) else exc
            failed.set_exception(cause)  # the Kafka error, so _after_failure can classify it
            return [Sent(outputs, failed)]

    def _kafka_producer(self) -> BatchProducer:
        """aiokafka's producer inside Faust's: Faust does not expose the record-batch API."""
        producer: BatchProducer = self._app.producer._ensure_producer()  # type: ignore[attr-defined]
        return producer

    def _after_failure(
        self, failed: list[tuple[Output, BaseException, int]], outputs: list[Output]
    ) -> list[Output]:
        """What to send next: transient failures again; a refused record's input to the DLQ.

        A refused batch of several records is resent a record per batch first, so that only
        the record the broker refuses costs its input a dead letter.
        """
        retry: list[Output] = []
        replaced: set[int] = set()
        for out, exc, batch_size in failed:
            if type(exc).__name__ not in _PERMANENT or (out.value is None and out.key is None):
                retry.append(out)
            elif batch_size > 1:
                out.alone = True
                retry.append(out)
            elif out.topic != self._settings.dlq_topic:
                if id(out.source) in replaced:  # enriched and events refused: one dead letter
                    continue
                replaced.add(id(out.source))
                error = BadInput(ErrorClass.OUTPUT_REJECTED, f"broker refused the output: {exc!r}")
                retry.append(self._dead_letter(out.source, error))
            else:  # even the dead letter is refused: resending forever would stall the partition
                error = BadInput(
                    ErrorClass.OUTPUT_REJECTED,
                    f"broker refused the dead letter, value dropped: {exc!r}",
                )
                bare = self._dead_letter(out.source, error)
                retry.append(Output(bare.topic, None, None, bare.headers, bare.source))
        known = {id(o) for o in outputs}
        outputs.extend(o for o in retry if id(o) not in known)
        return retry

    def _observe_lag(self, events: Sequence[EventT]) -> None:
        """Lag from the fetcher's last-seen end offsets; :class:`LagMonitor` refreshes it idle."""
        consumer = self._app.consumer
        last: dict[Any, int] = {}
        for event in events:
            last[event.message.tp] = event.message.offset
        for tp, offset in last.items():
            self.positions[tp] = offset + 1
            try:
                highwater = consumer.highwater(tp)
            except Exception:
                continue
            if highwater is not None:
                self._metrics.lag.labels(tp.topic, str(tp.partition)).set(
                    max(0, highwater - offset - 1)
                )


def _where(event: EventT) -> dict[str, object]:
    msg = event.message
    return {"topic": msg.topic, "partition": msg.partition, "offset": msg.offset}
