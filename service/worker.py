"""Start-up of the worker process: load rules, build the app, serve HTTP, run until signalled.

Everything expensive (rule compilation, gazetteers, the Faust app) happens here once, before
the first message; a bad rule file or setting stops the process before it joins the group.
"""

from __future__ import annotations

import gc
import logging

import faust

from service import native
from service.app import create_app
from service.config import Settings
from service.http import BrokerProbe, HttpEndpoints
from service.kafka import client_options
from service.logs import logging_config
from service.metrics import Metrics
from service.pipeline import Pipeline
from service.tagging import Tagger

log = logging.getLogger(__name__)
# Tagging allocates thousands of short-lived containers per article; at Python's default
# (700) the collector runs every few articles and walks every young object each time.
GC_THRESHOLDS = (20_000, 20, 100)


def build_worker(settings: Settings, tagger: Tagger) -> faust.Worker:
    """A Faust worker for ``settings`` with the HTTP endpoints attached."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)  # Faust creates only the last level
    pipeline = Pipeline(tagger, settings.max_body_bytes, emit_events=bool(settings.events_topic))
    metrics = Metrics()
    metrics.describe_build(pipeline.tagger_info)
    app = create_app(settings, pipeline, metrics)
    probe = BrokerProbe(client_options(settings))

    async def readiness() -> tuple[bool, dict[str, object]]:
        try:
            assigned = len(app.consumer.assignment())
        except Exception:  # consumer not started yet
            assigned = 0
        metrics.assigned_partitions.set(assigned)
        ready = probe.reachable and assigned > 0
        return ready, {"broker_reachable": probe.reachable, "assigned_partitions": assigned}

    http = HttpEndpoints(settings.web_host, settings.web_port, metrics.registry, readiness)

    @app.task
    async def watch_broker() -> None:
        try:
            await probe.run()
        finally:
            await probe.close()

    log.info(
        "worker configured",
        extra={
            "brokers": list(settings.brokers),
            "input": settings.input_topic,
            "group": settings.group,
            "ruleset": pipeline.tagger_info.get("ruleset"),
            "tagger_build": native.build_name(),
        },
    )
    worker = faust.Worker(
        app,
        http,
        loglevel=settings.log_level,
        logging_config=logging_config(settings.log_level, settings.log_format),
        quiet=True,
        redirect_stdouts=False,
    )
    # Faust's terminal spinner (on at WARNING and above) writes escape codes to stdout and sets
    # the root logger to DEBUG for itself, which makes every library's debug call on the hot
    # path build a log record. Logs here are structured lines, not a terminal UI.
    worker.spinner = None
    return worker


def run_worker(settings: Settings, tagger: Tagger) -> int:
    """Run until SIGINT/SIGTERM; Faust stops the agent, flushes, commits and exits."""
    worker = build_worker(settings, tagger)
    quiet_collector()
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def quiet_collector() -> None:
    """Keep the cyclic garbage collector off the hot path.

    Everything built at start-up (rules, gazetteers, the Faust app) lives as long as the
    process, so it is frozen out of every later collection, and collections run less often.
    Per-message garbage is freed by reference counting; the collector only finds cycles.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
