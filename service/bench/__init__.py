"""``make bench``: geopulse measured side by side with its peers, in one run, on one corpus.

Prints a table, then one line ``bench: tag_aps=… tag_vs_spacy=… e2e_aps=… e2e_vs_faust=…
e2e_vs_aiokafka=… p50_ms=… p99_ms=… rss_mb=… scale_2v1=… tag_worker_aps=…``
(``tag_worker_aps``: the tagger's own calls inside the one worker under load, from its
``/metrics`` histogram, without the parsing and serialising ``tag_aps`` includes, which is
taken on an otherwise idle core). Ratios come from
measurements taken in this run on this machine, never from remembered figures.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import uuid
from collections.abc import Iterable
from pathlib import Path

import orjson

from service import native
from service.adversarial import adversarial_inputs, tag_seconds
from service.bench import endtoend as e2e
from service.bench.corpus import base_articles, messages
from service.bench.tagging import (
    configured_tagger,
    pipeline_rate,
    python_source_rate,
    spacy_rate,
)
from service.broker import EmbeddedBroker


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    articles, source = base_articles(args.corpus)
    corpus = messages(articles, args.messages, "bench")
    avg_kb = sum(len(v) for _, v in corpus) / len(corpus) / 1000
    print(
        f"corpus: {len(articles)} articles from {source}, cycled to {len(corpus)} "
        f"messages of {avg_kb:.1f} KB on average"
    )
    rows: list[tuple[str, str]] = Rows()
    figures: dict[str, float] = {}
    _tagging(corpus, args, rows, figures)
    if not args.skip_e2e:
        _end_to_end(corpus, args, rows, figures)
    _print(rows, figures)
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="geopulse bench", description=__doc__)
    p.add_argument("--corpus", type=Path, help="article JSON lines (default: dev set or demo)")
    p.add_argument("--messages", type=int, default=20000, help="messages per end-to-end run")
    p.add_argument("--seconds", type=float, default=3.0, help="minimum time per tagging figure")
    p.add_argument("--rate", type=float, default=500.0, help="offered load for latency (art/s)")
    p.add_argument("--latency-seconds", type=float, default=10.0)
    p.add_argument("--skip-e2e", action="store_true", help="tagging figures only")
    return p


def _tagging(
    corpus: e2e.Messages,
    args: argparse.Namespace,
    rows: list[tuple[str, str]],
    figures: dict[str, float],
) -> None:
    ours = pipeline_rate(corpus[:2000], args.seconds)
    build = "compiled" if native.active() else "Python source"
    rows.append(
        (
            f"tagging, geopulse {build} (parse+tag+serialise, 1 core)",
            f"{ours.per_second:,.0f} art/s  {ours.mb_per_second:.2f} MB/s",
        )
    )
    figures["tag_aps"] = ours.per_second
    source = python_source_rate(corpus[:2000], args.seconds)
    if source is not None:
        rows.append(
            (
                "tagging, geopulse on the Python source (GEOPULSE_NATIVE=0)",
                f"{source.per_second:,.0f} art/s  ×{ours.per_second / source.per_second:.2f} "
                "for the compiled build",
            )
        )
    texts = [str(orjson.loads(v)["body"]) for _, v in corpus[:200]]
    peer = spacy_rate(texts, args.seconds)
    if peer is None:
        rows.append(
            ("tagging, spaCy en_core_web_sm NER", "not installed (pip install -e '.[spacy]')")
        )
    else:
        rows.append(
            (
                "tagging, spaCy en_core_web_sm NER",
                f"{peer.per_second:,.1f} art/s  {peer.mb_per_second:.3f} MB/s",
            )
        )
        figures["tag_vs_spacy"] = ours.per_second / peer.per_second
    normal = sum(len(v) for _, v in corpus[:200]) / 1e6 / (200 / ours.per_second)
    rows.append(("  normal text", f"{1 / normal * 1000:.1f} ms/MB"))
    tagger = configured_tagger()
    for name, text in adversarial_inputs(1_000_000).items():
        per_mb = tag_seconds(tagger, text) / (len(text.encode()) / 1e6)
        rows.append((f"  adversarial 1 MB: {name}", f"{per_mb * 1000:.1f} ms/MB"))


def _end_to_end(
    corpus: e2e.Messages,
    args: argparse.Namespace,
    rows: list[tuple[str, str]],
    figures: dict[str, float],
) -> None:
    logs = Path(tempfile.mkdtemp(prefix="geopulse-bench-"))
    with EmbeddedBroker(log_path=logs / "broker.log") as broker:
        addr = broker.address
        source = f"bench.{uuid.uuid4().hex[:6]}.in"
        asyncio.run(e2e.create_topics(addr, [source], 4))
        produced = asyncio.run(e2e.preproduce(addr, source, corpus))
        rows.append(("producer (pre-loading the input topic)", f"{produced:,.0f} msg/s"))
        n = len(corpus)

        def geo(workers: int) -> e2e.Starter:
            return lambda b, s, o, g: e2e.start_geopulse(b, s, o, g, workers, logs)

        ours, rss, in_worker = e2e.measure(addr, source, n, geo(1))
        faust, _, _ = e2e.measure(
            addr, source, n, lambda b, s, o, g: e2e.start_peer("faust", b, s, o, g)
        )
        raw, _, _ = e2e.measure(
            addr, source, n, lambda b, s, o, g: e2e.start_peer("aiokafka", b, s, o, g)
        )
        two, _, _ = e2e.measure(addr, source, n, geo(2))
        rows += [
            ("end-to-end, geopulse worker", f"{ours.per_second:,.0f} art/s"),
            ("end-to-end, bare Faust consume+send agent", f"{faust.per_second:,.0f} msg/s"),
            ("end-to-end, raw aiokafka consume→produce", f"{raw.per_second:,.0f} msg/s"),
            ("end-to-end, two geopulse workers", f"{two.per_second:,.0f} art/s"),
            ("peak RSS, geopulse worker", f"{rss:.0f} MB"),
        ]
        if in_worker:
            # the tagger under load: its calls' own time inside the one worker (/metrics)
            rows.append(
                (
                    "tag calls inside the worker, under load (no parse/serialise)",
                    f"{in_worker:,.0f} art/s",
                )
            )
            figures["tag_worker_aps"] = in_worker
        figures.update(
            e2e_aps=ours.per_second,
            e2e_vs_faust=ours.per_second / faust.per_second,
            e2e_vs_aiokafka=ours.per_second / raw.per_second,
            rss_mb=rss,
            scale_2v1=two.per_second / ours.per_second,
        )
        _latency(addr, corpus, args, rows, figures, logs)


def _latency(
    addr: str,
    corpus: e2e.Messages,
    args: argparse.Namespace,
    rows: list[tuple[str, str]],
    figures: dict[str, float],
    logs: Path,
) -> None:
    tag = uuid.uuid4().hex[:6]
    source, sink = f"lat.{tag}.in", f"lat.{tag}.out"
    asyncio.run(e2e.create_topics(addr, [source, sink, f"{sink}.events", f"{sink}.dlq"], 4))
    worker = e2e.start_geopulse(addr, source, sink, f"lat-{tag}", 1, logs)
    try:
        e2e.wait_ready(worker)
        count = int(args.rate * args.latency_seconds)
        offered = messages([orjson.loads(v) for _, v in corpus[:50]], count, f"lat{tag}")
        latencies = asyncio.run(e2e.paced_latency(addr, source, sink, offered, args.rate))
    finally:
        worker.stop()
    p50, p99 = e2e.percentile(latencies, 0.50) * 1000, e2e.percentile(latencies, 0.99) * 1000
    rows.append(
        (
            f"latency at {args.rate:.0f} art/s (produce → enriched seen)",
            f"p50 {p50:.1f} ms  p99 {p99:.1f} ms  ({len(latencies)} articles)",
        )
    )
    figures.update(p50_ms=p50, p99_ms=p99)


class Rows(list[tuple[str, str]]):
    """Result rows, each printed as soon as it is measured (a full run takes minutes)."""

    WIDTH = 58

    def append(self, row: tuple[str, str]) -> None:
        super().append(row)
        print(f"{row[0].ljust(self.WIDTH)}  {row[1]}", flush=True)

    def __iadd__(self, rows: Iterable[tuple[str, str]]) -> Rows:  # type: ignore[override,misc]
        for row in rows:
            self.append(row)
        return self


def _print(rows: list[tuple[str, str]], figures: dict[str, float]) -> None:
    order = (
        "tag_aps",
        "tag_vs_spacy",
        "e2e_aps",
        "e2e_vs_faust",
        "e2e_vs_aiokafka",
        "p50_ms",
        "p99_ms",
        "rss_mb",
        "scale_2v1",
        "tag_worker_aps",
    )
    parts = [f"{k}={_fmt(figures[k])}" for k in order if k in figures]
    print("bench: " + " ".join(parts))


def _fmt(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"
