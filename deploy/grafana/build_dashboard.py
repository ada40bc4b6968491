"""Generates deploy/grafana/dashboards/geopulse.json — the dashboard as code.

Run ``python deploy/grafana/build_dashboard.py`` after editing; a test fails when the committed
JSON differs from what this prints, and another evaluates every query against a real Prometheus.
Plain dictionaries in Grafana's current schema: no SDK to install, nothing hidden.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "dashboards" / "geopulse.json"
DS = {"type": "prometheus", "uid": "${datasource}"}
SEL = 'instance=~"$instance"'  # every query follows the instance picker
RATE = "$__rate_interval"
Panel = dict[str, Any]


def target(expr: str, legend: str = "", ref: str = "A", instant: bool = False) -> dict[str, Any]:
    return {
        "datasource": DS,
        "expr": expr,
        "legendFormat": legend or "__auto",
        "refId": ref,
        "range": not instant,
        "instant": instant,
    }


def panel(kind: str, title: str, desc: str, targets: list[dict[str, Any]], unit: str) -> Panel:
    refs = "ABCDEFGH"
    for i, t in enumerate(targets):
        t["refId"] = refs[i]
    return {
        "type": kind,
        "title": title,
        "description": desc,
        "datasource": DS,
        "targets": targets,
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {},
    }


def timeseries(title: str, desc: str, targets: list[dict[str, Any]], unit: str) -> Panel:
    p = panel("timeseries", title, desc, targets, unit)
    p["options"] = {
        "legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
        "tooltip": {"mode": "multi", "sort": "desc"},
    }
    p["fieldConfig"]["defaults"]["custom"] = {"drawStyle": "line", "fillOpacity": 10}
    return p


def stat(title: str, desc: str, expr: str, unit: str) -> Panel:
    p = panel("stat", title, desc, [target(expr, instant=True)], unit)
    p["options"] = {
        "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
        "colorMode": "value",
        "graphMode": "none",
    }
    return p


def bars(title: str, desc: str, expr: str, legend: str) -> Panel:
    p = panel("bargauge", title, desc, [target(expr, legend, instant=True)], "short")
    p["options"] = {
        "orientation": "horizontal",
        "displayMode": "gradient",
        "showUnfilled": True,
        "reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
    }
    return p


def quantiles(metric: str, matcher: str) -> list[dict[str, Any]]:
    by_le = f"sum by (le) (rate({metric}_bucket{{{matcher}}}[{RATE}]))"
    return [
        target(f"histogram_quantile({q}, {by_le})", f"p{round(q * 100)}") for q in (0.5, 0.9, 0.99)
    ]


def throughput() -> list[Panel]:
    return [
        timeseries(
            "Articles per second",
            "Input consumed, enriched records emitted and inputs dead-lettered.",
            [
                target(f"sum(rate(geopulse_articles_consumed_total{{{SEL}}}[{RATE}]))", "consumed"),
                target(f"sum(rate(geopulse_articles_enriched_total{{{SEL}}}[{RATE}]))", "enriched"),
                target(
                    f"sum(rate(geopulse_articles_dead_lettered_total{{{SEL}}}[{RATE}]))",
                    "dead-lettered",
                ),
            ],
            "ops",
        ),
        timeseries(
            "Entities found per second, by type",
            "What the tagger finds; a sudden drop to zero usually means a broken rule file.",
            [
                target(
                    f"sum by (type) (rate(geopulse_entities_found_total{{{SEL}}}[{RATE}]))",
                    "{{type}}",
                )
            ],
            "ops",
        ),
        stat(
            "Since last batch",
            "Seconds since any selected worker last finished a batch (grows when idle or stalled).",
            f"time() - max(geopulse_last_processed_timestamp_seconds{{{SEL}}})",
            "s",
        ),
        stat(
            "Workers",
            "Workers being scraped, with the version and ruleset they run.",
            f"count(geopulse_build_info{{{SEL}}})",
            "short",
        ),
    ]


def errors() -> list[Panel]:
    return [
        timeseries(
            "Dead letters per second, by error class",
            "Inputs sent to the dead-letter topic; the class says why (see README).",
            [
                target(
                    "sum by (error_class) "
                    f"(rate(geopulse_articles_dead_lettered_total{{{SEL}}}[{RATE}]))",
                    "{{error_class}}",
                )
            ],
            "ops",
        ),
        timeseries(
            "Dead-letter ratio",
            "Share of consumed input that was dead-lettered (alert above 5%).",
            [
                target(
                    f"sum(rate(geopulse_articles_dead_lettered_total{{{SEL}}}[{RATE}]))"
                    f" / sum(rate(geopulse_articles_consumed_total{{{SEL}}}[{RATE}]))",
                    "dead-lettered / consumed",
                )
            ],
            "percentunit",
        ),
        timeseries(
            "Produce retries and send errors",
            "Output batches re-sent because the broker did not acknowledge them.",
            [
                target(
                    f"sum(rate(geopulse_produce_retries_total{{{SEL}}}[{RATE}]))", "batch retries"
                ),
                target(
                    f"sum(rate(geopulse_faust_send_errors_total{{{SEL}}}[{RATE}]))", "send errors"
                ),
            ],
            "ops",
        ),
    ]


def latency() -> list[Panel]:
    e2e = "geopulse_end_to_end_latency_seconds"
    return [
        timeseries(
            "End-to-end latency (Kafka timestamp → emitted)",
            "From the input message's timestamp to its enriched record acknowledged by the broker.",
            quantiles(e2e, f'origin="kafka",{SEL}'),
            "s",
        ),
        timeseries(
            "End-to-end latency (published_at → emitted)",
            "From the article's publication time; includes the feed's own delay.",
            quantiles(e2e, f'origin="published",{SEL}'),
            "s",
        ),
        timeseries(
            "Tagging duration per article",
            "Time the tagger spends on one article.",
            quantiles("geopulse_tagging_duration_seconds", SEL),
            "s",
        ),
        timeseries(
            "Offset commit duration",
            "Faust committing input offsets; slow commits mean a struggling broker.",
            quantiles("geopulse_faust_commit_duration_seconds", SEL),
            "s",
        ),
    ]


def lag() -> list[Panel]:
    return [
        timeseries(
            "Consumer lag by partition",
            "Messages waiting per input partition; refreshed every few seconds even when idle.",
            [
                target(
                    f"sum by (topic, partition) (geopulse_consumer_lag_messages{{{SEL}}})",
                    "{{topic}}/{{partition}}",
                )
            ],
            "short",
        ),
        timeseries(
            "Total lag and messages in flight",
            "All waiting input, and input taken but not yet acknowledged downstream.",
            [
                target(f"sum(geopulse_consumer_lag_messages{{{SEL}}})", "lag"),
                target(f"sum(geopulse_in_flight_messages{{{SEL}}})", "in flight"),
            ],
            "short",
        ),
        timeseries(
            "Assigned partitions and rebalances",
            "Partitions per worker; rebalances in the last 5 minutes.",
            [
                target(
                    f"sum by (instance) (geopulse_assigned_partitions{{{SEL}}})", "{{instance}}"
                ),
                target(
                    f"sum(increase(geopulse_faust_rebalances_total{{{SEL}}}[5m]))", "rebalances"
                ),
            ],
            "short",
        ),
    ]


def events() -> list[Panel]:
    by_country = "geopulse_events_by_actor_country_total"
    return [
        timeseries(
            "Events per hour, by type",
            "Events found in the last hour (sliding window), per event type.",
            [
                target(
                    "sum by (type) "
                    f'(increase(geopulse_events_emitted_total{{type=~"$event_type",{SEL}}}[1h]))',
                    "{{type}}",
                )
            ],
            "short",
        ),
        timeseries(
            "Tariff threats per hour, by actor country",
            "TARIFF_THREAT events in the last hour (sliding), top 10 countries of their actors.",
            [
                target(
                    "topk(10, sum by (country) (increase("
                    f'{by_country}{{type="TARIFF_THREAT",country!="none",{SEL}}}[1h])))',
                    "{{country}}",
                )
            ],
            "short",
        ),
    ]


def countries() -> list[Panel]:
    return [
        bars(
            "Top actor countries by event type (dashboard range)",
            "Events over the selected time range by the country of their actors.",
            "topk(15, sum by (type, country) (increase("
            f'geopulse_events_by_actor_country_total{{type=~"$event_type",country!="none",{SEL}}}'
            "[$__range])))",
            "{{type}} · {{country}}",
        ),
    ]


ROWS = (
    ("Throughput", throughput),
    ("Errors and dead letters", errors),
    ("Latency", latency),
    ("Lag", lag),
    ("Events by type", events),
    ("Top actor countries", countries),
)


def layout() -> list[Panel]:
    """Rows with their panels beneath, laid out on Grafana's 24-column grid."""
    panels: list[Panel] = []
    y = 0
    for title, make in ROWS:
        panels.append(_row(title, y))
        y += 1
        children = make()  # at most four, side by side
        width = 24 // len(children)
        for i, child in enumerate(children):
            child["gridPos"] = {"h": 8, "w": width, "x": i * width, "y": y}
        y += 8
        panels.extend(children)
    for number, p in enumerate(panels, start=1):
        p["id"] = number
    return panels


def _row(title: str, y: int) -> Panel:
    return {
        "type": "row",
        "title": title,
        "collapsed": False,
        "gridPos": {"h": 1, "w": 24, "x": 0, "y": y},
        "panels": [],
    }


def variables() -> list[dict[str, Any]]:
    return [
        {
            "name": "datasource",
            "label": "Data source",
            "type": "datasource",
            "query": "prometheus",
            "current": {},
            "hide": 0,
            "refresh": 1,
            "regex": "",
            "options": [],
        },
        _query_var("instance", "Worker", "label_values(geopulse_build_info, instance)"),
        _query_var("event_type", "Event type", "label_values(geopulse_events_emitted_total, type)"),
    ]


def _query_var(name: str, label: str, query: str) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "type": "query",
        "datasource": DS,
        "definition": query,
        "query": {"query": query, "refId": f"{name}-values"},
        "refresh": 2,
        "includeAll": True,
        "allValue": ".*",
        "multi": True,
        "current": {"selected": True, "text": ["All"], "value": ["$__all"]},
        "sort": 1,
        "hide": 0,
        "options": [],
    }


def dashboard() -> dict[str, Any]:
    return {
        "uid": "geopulse",
        "title": "geopulse",
        "description": "Throughput, errors, latency, lag and events of the geopulse workers.",
        "tags": ["geopulse", "kafka"],
        "timezone": "utc",
        "editable": True,
        "graphTooltip": 1,
        "refresh": "30s",
        "schemaVersion": 39,
        "version": 1,
        "time": {"from": "now-6h", "to": "now"},
        "timepicker": {},
        "annotations": {
            "list": [
                {
                    "builtIn": 1,
                    "datasource": {"type": "grafana", "uid": "-- Grafana --"},
                    "enable": True,
                    "hide": True,
                    "iconColor": "rgba(0, 211, 255, 1)",
                    "name": "Annotations & Alerts",
                    "type": "dashboard",
                }
            ]
        },
        "templating": {"list": variables()},
        "panels": layout(),
        "links": [],
    }


def render() -> str:
    return json.dumps(dashboard(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if OUT.read_text() == render() else "geopulse.json is out of date")
    OUT.write_text(render())
    print(f"wrote {OUT}")
