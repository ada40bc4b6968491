"""``python -m service <command>``: the worker, the offline tagger and the tools around them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from service import __version__
from service.config import ConfigError, Settings, load_settings
from service.tagging.rules import RulesError

Handler = Callable[[argparse.Namespace, Settings], int]


def main(argv: list[str] | None = None) -> int:
    """Parse the command line, load settings, run the command; returns the exit code."""
    parser = _parser()
    args, rest = parser.parse_known_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command in ("eval", "bench", "reliability", "train"):
        return int(args.forward(rest))
    if args.command == "native":
        from service.native import command

        return command(args.action)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"geopulse: configuration error: {exc}", file=sys.stderr)
        return 2
    handler: Handler = args.handler
    try:
        return handler(args, settings)
    except RulesError as exc:  # a bad rule file stops start-up with one line, not a traceback
        print(f"geopulse: rules: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="geopulse", description=__doc__)
    p.add_argument("--version", action="version", version=f"geopulse {__version__}")
    sub = p.add_subparsers(dest="command", metavar="command")

    sub.add_parser("worker", help="run the Faust worker").set_defaults(handler=_worker)
    run = sub.add_parser("run", help="the demo: broker, topics, worker, demo articles, results")
    run.add_argument("--articles", type=Path, help="JSON lines to publish (default: the demo set)")
    run.add_argument("--exit-after", type=int, help="stop after this many results (for scripts)")
    run.set_defaults(handler=_run)

    tag = sub.add_parser("tag", help="tag article JSON lines offline (stdin or FILE) to stdout")
    tag.add_argument("file", nargs="?", type=Path)
    tag.set_defaults(handler=_tag)

    produce = sub.add_parser("produce", help="publish article JSON lines to the input topic")
    produce.add_argument("file", type=Path)
    produce.add_argument("--topic", help="default: GEOPULSE_INPUT_TOPIC")
    produce.set_defaults(handler=_produce)

    consume = sub.add_parser("consume", help="print what the worker emits")
    consume.add_argument("--topic", help="default: GEOPULSE_OUTPUT_TOPIC")
    consume.add_argument("--count", type=int, help="stop after this many messages")
    consume.add_argument("--idle-timeout", type=float, help="stop after this long with nothing")
    consume.add_argument("--full", action="store_true", help="print whole records, not summaries")
    consume.set_defaults(handler=_consume)

    broker = sub.add_parser("broker", help="run the embedded development broker in the foreground")
    broker.add_argument("--port", type=int, default=9092)
    broker.set_defaults(handler=_broker)

    rules = sub.add_parser("rules", help="rule files")
    rules.add_argument("action", choices=["check"])
    rules.set_defaults(handler=_rules)

    native = sub.add_parser("native", help="the tagger compiled with mypyc: build, clean, status")
    native.add_argument("action", choices=["build", "clean", "status"])

    forwarded = (
        ("eval", "precision/recall/F1 on labelled data", "service.evaluation"),
        ("bench", "throughput, latency and memory, side by side", "service.bench"),
        ("reliability", "fault scenarios on a fresh broker: a table", "service.reliability"),
        ("train", "fit the sentence and article models to the labelled sets", "service.training"),
    )
    for name, text, module in forwarded:  # their own parsers read the rest, --help included
        sub.add_parser(name, help=text, add_help=False).set_defaults(forward=_forward(module))
    return p


def _forward(module: str) -> Callable[[list[str]], int]:
    """Commands with their own argument parser get the rest of the command line."""

    def call(rest: list[str]) -> int:
        import importlib

        return int(importlib.import_module(module).main(rest))

    return call


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from service.runner import worker_command

    return worker_command(settings)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from service.runner import demo

    return demo(settings, args.articles, args.exit_after)


def _tag(args: argparse.Namespace, settings: Settings) -> int:
    from service.offline import tag_lines

    if args.file is None:
        return tag_lines(sys.stdin.buffer, sys.stdout.buffer, sys.stderr, settings)
    with args.file.open("rb") as source:
        return tag_lines(source, sys.stdout.buffer, sys.stderr, settings)


def _produce(args: argparse.Namespace, settings: Settings) -> int:
    from service.tools import produce_file

    return produce_file(settings, args.file, args.topic or settings.input_topic)


def _consume(args: argparse.Namespace, settings: Settings) -> int:
    from service.tools import consume

    topic = args.topic or settings.output_topic
    return consume(settings, topic, args.count, args.idle_timeout, args.full)


def _broker(args: argparse.Namespace, settings: Settings) -> int:
    from service.runner import broker_foreground

    return broker_foreground(args.port)


def _rules(args: argparse.Namespace, settings: Settings) -> int:
    from service.tagging import check_rules

    problems = check_rules(settings.rules_dir)
    for problem in problems:
        print(f"geopulse: rules: {problem}", file=sys.stderr)
    if not problems:
        where = settings.rules_dir or "built-in rules only"
        print(f"rules ok ({where})")
    return 1 if problems else 0
