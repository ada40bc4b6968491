"""Process orchestration: the embedded broker, the worker process and the ``make run`` demo."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from service.broker import BrokerError, EmbeddedBroker
from service.config import Settings
from service.kafka import TopicsRefused, connection_failure, ensure_topics
from service.logs import setup_logging
from service.tools import follow, publish, read_lines

log = logging.getLogger(__name__)
DEMO_ARTICLES = Path(__file__).parent / "demo" / "articles.jsonl"
STOP_TIMEOUT_S = 30.0


@contextlib.contextmanager
def cluster(settings: Settings) -> Iterator[Settings]:
    """Settings pointing at a broker: the configured cluster, or an embedded one for the block."""
    if not settings.embedded:
        yield settings
        return
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    broker = EmbeddedBroker(log_path=settings.data_dir / "broker.log").start()
    log.info("embedded broker started", extra={"address": broker.address})
    try:
        yield settings.with_brokers((broker.address,))
    finally:
        broker.stop()


def prepare_topics(settings: Settings) -> None:
    """Create missing topics; an unreachable or refusing cluster is a start-up error."""
    created = asyncio.run(ensure_topics(settings))
    if created:
        log.info("created topics", extra={"topics": created, "partitions": settings.partitions})


def worker_command(settings: Settings) -> int:
    """``python -m service worker``: run the worker (on an embedded broker if none is set)."""
    setup_logging(settings.log_level, settings.log_format)
    from service.tagging import load_tagger
    from service.worker import run_worker

    tagger = load_tagger(settings.rules_dir, ner=settings.ner)  # bad rules fail before Kafka
    try:
        with cluster(settings) as live:
            prepare_topics(live)
            return run_worker(live, tagger)
    except (TimeoutError, BrokerError, OSError, TopicsRefused) as exc:
        return _fatal(f"cannot start: {exc}")
    except Exception as exc:  # e.g. authentication refused: one line, non-zero exit
        message = connection_failure(settings, exc)
        if message is None:
            raise
        return _fatal(message)


def _fatal(message: str) -> int:
    """Log and print one line and exit non-zero. The failed connection's futures are collected
    after this, and asyncio would log each one's error as "never retrieved": noise after the
    line that says what went wrong, which must stay the last."""
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    log.error(message)
    print(f"geopulse: {message}", file=sys.stderr)
    return 1


def broker_foreground(port: int) -> int:
    """``python -m service broker``: the embedded broker until Ctrl-C."""
    broker = EmbeddedBroker(port=port).start()
    print(f"embedded broker on {broker.address} (in memory; Ctrl-C stops it)", flush=True)
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        broker.stop()
    return 0


def demo(settings: Settings, articles: Path | None, exit_after: int | None) -> int:
    """``make run``: broker, topics, worker, demo articles in, one line per result out."""
    setup_logging("WARNING", "text")
    # SIGTERM (a closed terminal, `timeout`) stops the demo like Ctrl-C does, so the broker
    # and worker it started (in their own sessions) are stopped too, never orphaned.
    signal.signal(signal.SIGTERM, _interrupt)
    with cluster(settings) as live:
        prepare_topics(live)
        worker_log = settings.data_dir / "worker.log"
        worker = start_worker(live, worker_log)
        try:
            print(
                f"geopulse demo: broker {','.join(live.brokers)}, worker pid {worker.pid} "
                f"(log: {worker_log}), metrics http://{live.web_host}:{live.web_port}/metrics",
                flush=True,
            )
            lines = read_lines(articles or DEMO_ARTICLES)
            asyncio.run(publish(live, live.input_topic, lines, progress=False))
            print(f"published {len(lines)} articles to {live.input_topic}; results:", flush=True)
            topics = [live.output_topic, live.dlq_topic]
            asyncio.run(follow(live, topics, exit_after, None, full=False))
        except KeyboardInterrupt:
            print("\nstopping…", flush=True)
        finally:
            code = stop_worker(worker)
            print(f"worker stopped (exit code {code})", flush=True)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM as Ctrl-C: once (``timeout make run`` delivers it to make and to the demo, so it
    may come twice; the second must not break into the stopping), and as SIGINT, which
    asyncio.run turns into a clean cancel of what it runs rather than an exception raised
    from inside its event loop."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.raise_signal(signal.SIGINT)


def start_worker(settings: Settings, log_path: Path) -> subprocess.Popen[bytes]:
    """The worker as a child process with its logs in ``log_path``."""
    env = dict(os.environ, GEOPULSE_BROKER=",".join(settings.brokers))
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "service", "worker"],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the demo, which then stops the worker
        )


def stop_worker(proc: subprocess.Popen[bytes], timeout_s: float = STOP_TIMEOUT_S) -> int:
    """SIGTERM (the worker finishes in-flight work and commits), SIGKILL after the timeout."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if proc.poll() is None:
            proc.kill()
    return proc.wait()
