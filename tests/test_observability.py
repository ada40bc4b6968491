"""Metrics, dashboard and alerts proven against a real Prometheus scraping a real worker.

Needs Debian's ``prometheus`` package (``prometheus`` and ``promtool`` on PATH); without it
these tests skip with a message saying so.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson
import pytest
import yaml

from service.broker import EmbeddedBroker, free_port
from tests.articles import messages
from tests.kafka_helpers import REPO, WorkerProcess, create_topics, drain, produce, unique_settings

PROMETHEUS_DIR = REPO / "deploy" / "prometheus"
GRAFANA_DIR = REPO / "deploy" / "grafana"
DASHBOARD = GRAFANA_DIR / "dashboards" / "geopulse.json"
# Grafana's variables, as Grafana would expand them for "All" over the last hour.
VARIABLES = {
    "$__rate_interval": "1m",
    "$__interval": "15s",
    "$__range": "1h",
    "${datasource}": "prometheus",
    "$instance": ".*",
    "$event_type": ".*",
}
MALFORMED = [
    (b"bad-json", b"{not json"),
    (b"no-body", b'{"id": "x"}'),
    (b"empty", b""),
]


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} not installed (apt-get install prometheus); observability tests skip")
    return path


def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def dashboard_exprs() -> list[tuple[str, str]]:
    """(panel title, PromQL) for every query in the dashboard, variables substituted."""
    board = json.loads(DASHBOARD.read_text())
    found = [(p["title"], expand(t["expr"])) for p in board["panels"] for t in p.get("targets", [])]
    for var in board["templating"]["list"]:
        if var["type"] == "query":  # label_values(metric, label) → the series behind the list
            metric, label = re.fullmatch(
                r"label_values\((\w+), (\w+)\)", var["definition"]
            ).groups()  # type: ignore[union-attr]
            found.append((f"variable {var['name']}", f"group by ({label}) ({metric})"))
    return found


def expand(expr: str) -> str:
    for name, value in VARIABLES.items():
        expr = expr.replace(name, value)
    assert "$" not in expr, f"unexpanded variable in {expr}"
    return expr


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_dashboard", GRAFANA_DIR / "build_dashboard.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- static checks: no broker needed ---------------------------------------------------------


def test_promtool_accepts_the_alert_rules() -> None:
    promtool = need("promtool")
    done = subprocess.run(
        [promtool, "check", "rules", str(PROMETHEUS_DIR / "alerts.yml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"SUCCESS: {len(alert_rules())} rules found" in done.stdout


def test_promtool_accepts_the_committed_config() -> None:
    promtool = need("promtool")
    done = subprocess.run(
        [promtool, "check", "config", str(PROMETHEUS_DIR / "prometheus.yml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    (job,) = config["scrape_configs"]
    assert job["dns_sd_configs"][0]["port"] == 6066


def test_every_alert_is_annotated_with_a_runbook_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text().lower()
    rules = alert_rules()
    assert {r["alert"] for r in rules} >= {
        "GeopulseWorkerDown",
        "GeopulseDeadLetterRateHigh",
        "GeopulseLagGrowing",
        "GeopulseStalled",
        "GeopulseLatencyHigh",
    }
    for rule in rules:
        notes = rule["annotations"]
        assert notes["summary"] and notes["description"], rule["alert"]
        anchor = notes["runbook"].split("#", 1)[1]
        assert anchor == rule["alert"].lower()
        assert f"#### {anchor}" in readme, f"README has no runbook heading for {rule['alert']}"


def test_committed_dashboard_is_the_generated_one() -> None:
    assert DASHBOARD.read_text() == load_builder().render(), (
        "run: .venv/bin/python deploy/grafana/build_dashboard.py"
    )


def test_dashboard_uses_the_datasource_variable_and_has_every_row() -> None:
    board = json.loads(DASHBOARD.read_text())
    rows = [p["title"] for p in board["panels"] if p["type"] == "row"]
    assert rows == [
        "Throughput",
        "Errors and dead letters",
        "Latency",
        "Lag",
        "Events by type",
        "Top actor countries",
    ]
    uids = re.findall(r'"uid": "([^"]*)"', DASHBOARD.read_text())
    assert set(uids) <= {"${datasource}", "-- Grafana --", "geopulse"}, "no hard-coded uid"
    first = board["templating"]["list"][0]
    assert (first["name"], first["type"], first["query"]) == (
        "datasource",
        "datasource",
        "prometheus",
    )
    ids = [p["id"] for p in board["panels"]]
    assert len(ids) == len(set(ids))
    provisioning = yaml.safe_load(
        (GRAFANA_DIR / "provisioning/dashboards/geopulse.yml").read_text()
    )
    assert provisioning["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards"
    sources = yaml.safe_load((GRAFANA_DIR / "provisioning/datasources/prometheus.yml").read_text())
    assert sources["datasources"][0]["url"] == "http://prometheus:9090"


# --- the real thing: worker on a broker, scraped by Prometheus --------------------------------


@dataclass
class Prometheus:
    """A Prometheus process on a loopback port, queried through its HTTP API."""

    port: int
    proc: subprocess.Popen[bytes]
    log: Path

    def api(self, path: str, **params: str) -> Any:
        url = f"http://127.0.0.1:{self.port}/api/v1/{path}?{urllib.parse.urlencode(params)}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return orjson.loads(response.read())
        except urllib.error.HTTPError as exc:  # 400 for a query that does not parse
            return orjson.loads(exc.read())

    def query(self, expr: str) -> list[dict[str, Any]]:
        answer = self.api("query", query=expr)
        assert answer["status"] == "success", f"{expr}\n{answer.get('error')}"
        return list(answer["data"]["result"])

    def value(self, expr: str) -> float | None:
        result = self.query(expr)
        return float(result[0]["value"][1]) if result else None

    def wait_for(self, what: str, check: Callable[[], bool], timeout_s: float = 120.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"prometheus exited:\n{self.log.read_text()[-3000:]}")
            try:
                if check():
                    return
            except OSError:
                pass
            time.sleep(1.0)
        raise TimeoutError(f"{what} not seen after {timeout_s}s")


@pytest.fixture
def prometheus_for(tmp_path: Path) -> Iterator[Callable[[int], Prometheus]]:
    """Starts Prometheus scraping 127.0.0.1:<port> every second with the committed alerts."""
    binary = need("prometheus")
    started: list[Prometheus] = []

    def start(web_port: int) -> Prometheus:
        config = {
            "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
            "rule_files": [str(PROMETHEUS_DIR / "alerts.yml")],
            "scrape_configs": [
                {
                    "job_name": "geopulse",
                    "static_configs": [{"targets": [f"127.0.0.1:{web_port}"]}],
                }
            ],
        }
        path = tmp_path / "prometheus.yml"
        path.write_text(yaml.safe_dump(config))
        port, log = free_port(), tmp_path / "prometheus.log"
        with log.open("wb") as sink:
            proc = subprocess.Popen(
                [
                    binary,
                    f"--config.file={path}",
                    f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                    f"--web.listen-address=127.0.0.1:{port}",
                    "--log.level=warn",
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        prom = Prometheus(port, proc, log)
        started.append(prom)
        prom.wait_for(
            "prometheus ready", lambda: prom.api("status/buildinfo")["status"] == "success"
        )
        return prom

    yield start
    for prom in started:
        prom.proc.terminate()
        try:
            prom.proc.wait(30)
        except subprocess.TimeoutExpired:
            prom.proc.kill()
            prom.proc.wait(10)


@pytest.mark.broker
def test_dashboard_and_alert_queries_against_a_real_prometheus(
    broker: EmbeddedBroker, tmp_path: Path, prometheus_for: Callable[[int], Prometheus]
) -> None:
    settings = unique_settings(broker.address, partitions=2)
    create_topics(settings)
    good = messages(30, "obs")
    worker = WorkerProcess(settings, tmp_path / "worker.log").start()
    try:
        worker.wait_ready(timeout_s=120)
        prom = prometheus_for(worker.web_port)
        produce(settings, good + MALFORMED)
        drain(settings, settings.output_topic, until=len(good), timeout_s=120)
        drain(settings, settings.dlq_topic, until=len(MALFORMED), timeout_s=120)
        check_probes_are_cheap(worker)
        check_exposition(worker)
        wait_for_counts(prom, len(good), len(MALFORMED))
        check_dashboard_returns_data(prom)
        check_alert_rules(prom)
        check_lag_is_zero_per_partition(prom, settings.input_topic, settings.partitions)
    finally:
        assert worker.terminate(timeout_s=60) == 0, worker.log_tail()
    down = alert_expr("GeopulseWorkerDown")
    prom.wait_for("worker-down expression firing", lambda: bool(prom.query(down)), timeout_s=60)


def check_probes_are_cheap(worker: WorkerProcess) -> None:
    """/health and /ready answer from memory: fast even on a busy two-core machine."""
    for path in ("/health", "/ready"):
        timings = []
        for _ in range(5):
            started = time.monotonic()
            status, body = worker.get(path, timeout=5)
            timings.append(time.monotonic() - started)
            assert status == 200, body
        assert sorted(timings)[2] < 0.5, f"{path} took {timings}"
    detail = orjson.loads(worker.get("/ready")[1])
    assert detail["broker_reachable"] is True and detail["assigned_partitions"] == 2


def check_exposition(worker: WorkerProcess) -> None:
    status, body = worker.get("/metrics", timeout=10)
    assert status == 200
    text = body.decode()
    assert "obs-0000" not in text, "no article ids in labels"
    for name in ("geopulse_build_info", "geopulse_faust_commit_duration_seconds_bucket"):
        assert name in text


def wait_for_counts(prom: Prometheus, good: int, bad: int) -> None:
    total = good + bad
    prom.wait_for(
        "all input counted by Prometheus",
        lambda: (
            prom.value("sum(geopulse_articles_consumed_total)") == total
            and prom.value("sum(geopulse_articles_enriched_total)") == good
            and prom.value("sum(geopulse_articles_dead_lettered_total)") == bad
        ),
    )
    classes = {
        r["metric"]["error_class"]: float(r["value"][1])
        for r in prom.query("geopulse_articles_dead_lettered_total")
    }
    assert {k: v for k, v in classes.items() if v} == {"invalid_json": 1, "schema": 1, "empty": 1}
    assert prom.value('sum(geopulse_events_by_actor_country_total{type="TARIFF_THREAT"})')
    # The Faust sensor sees the group join and the periodic offset commits.
    prom.wait_for(
        "Faust commits and rebalances counted",
        lambda: (
            (prom.value("sum(geopulse_faust_commit_duration_seconds_count)") or 0) > 0
            and (prom.value("sum(geopulse_faust_rebalances_total)") or 0) >= 1
        ),
    )
    # rate() needs samples on both sides of the increases: a few more scrapes.
    prom.wait_for(
        "a minute's worth of scrapes", lambda: (prom.value("count_over_time(up[1m])") or 0) >= 10
    )


def check_dashboard_returns_data(prom: Prometheus) -> None:
    exprs = dashboard_exprs()
    assert len(exprs) >= 25
    empty: list[str] = []

    def all_have_data() -> bool:
        empty[:] = [f"{title}: {expr}" for title, expr in exprs if not prom.query(expr)]
        return not empty

    try:
        prom.wait_for("data behind every panel", all_have_data, timeout_s=90)
    except TimeoutError:
        pytest.fail("panels without data:\n" + "\n".join(empty))


def alert_expr(name: str) -> str:
    return next(r["expr"] for r in alert_rules() if r["alert"] == name)


def check_alert_rules(prom: Prometheus) -> None:
    for rule in alert_rules():
        prom.query(rule["expr"])  # asserts it parses and evaluates
    groups = prom.api("rules")["data"]["groups"]
    loaded = {r["name"]: r for g in groups for r in g["rules"]}
    assert loaded.keys() == {r["alert"] for r in alert_rules()}
    prom.wait_for(
        "every rule evaluated once",
        lambda: all(
            r["health"] == "ok" for g in prom.api("rules")["data"]["groups"] for r in g["rules"]
        ),
    )
    # A healthy worker that has processed everything fires nothing.
    firing = [a for a in prom.api("alerts")["data"]["alerts"] if a["state"] != "inactive"]
    assert firing == []


def check_lag_is_zero_per_partition(prom: Prometheus, topic: str, partitions: int) -> None:
    """The periodic refresh reports every assigned partition, caught up: lag 0."""
    query = f'geopulse_consumer_lag_messages{{topic="{topic}"}}'
    prom.wait_for(
        "lag for every partition",
        lambda: len(prom.query(query)) == partitions and prom.value(f"sum({query})") == 0,
    )
    ends = prom.value(f'sum(geopulse_consumer_end_offset{{topic="{topic}"}})')
    assert ends == len(messages(30)) + len(MALFORMED)


def test_a_client_librarys_pasted_traceback_becomes_one_line() -> None:
    """aiokafka pastes a connection error's stack into its message; the JSON line keeps the
    first line and the exception, and our own loggers keep theirs whole."""
    from service.logs import JsonFormatter

    stack = (
        'Unable connect to "127.0.0.1:9": Traceback (most recent call last):\n'
        '  File "x.py", line 1, in f\n    sock.recv_into(buf)\n'
        "ConnectionResetError: [Errno 104] Connection reset by peer"
    )
    fmt = JsonFormatter()
    rec = logging.LogRecord("aiokafka", logging.ERROR, "x", 1, stack, None, None)
    line = orjson.loads(fmt.format(rec))["msg"]
    assert line.startswith('Unable connect to "127.0.0.1:9": ConnectionResetError: [Errno 104]')
    try:
        raise ConnectionResetError(104, "Connection reset by peer")
    except OSError:
        rec = logging.LogRecord(
            "aiokafka.conn", logging.ERROR, "x", 1, "lost", None, sys.exc_info()
        )
    assert "Traceback" not in fmt.format(rec)
    own = logging.LogRecord("service.worker", logging.ERROR, "x", 1, stack, None, None)
    assert "Traceback" in orjson.loads(fmt.format(own))["msg"]
