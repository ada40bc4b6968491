"""Settings from the environment: defaults that run on a bare machine, one clear line per error."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from service import kafka
from service.config import ConfigError, load_settings


def test_defaults_follow_the_contract() -> None:
    s = load_settings({})
    assert s.embedded
    assert (s.input_topic, s.output_topic, s.events_topic, s.dlq_topic) == (
        "news.articles",
        "news.enriched",
        "news.events",
        "news.articles.dlq",
    )
    assert s.max_body_bytes == 1 << 20
    assert s.replication_factor == 1  # the embedded broker is a single node
    assert s.security.protocol == "PLAINTEXT"


def test_values_are_parsed() -> None:
    s = load_settings(
        {
            "GEOPULSE_BROKER": "kafka://a:9092, b:9093",
            "GEOPULSE_PARTITIONS": "6",
            "GEOPULSE_REPLICATION_FACTOR": "3",
            "GEOPULSE_EVENTS_TOPIC": "",
            "GEOPULSE_BATCH_WITHIN_MS": "7",
            "GEOPULSE_FETCH_MAX_WAIT_MS": "250",
            "GEOPULSE_NER": "SpaCy",
            "GEOPULSE_NATIVE": "Off",
        }
    )
    assert s.brokers == ("a:9092", "b:9093")
    assert s.partitions == 6
    assert s.replication_factor == 3
    assert s.events_topic is None  # empty turns the events topic off
    assert s.topics() == ("news.articles", "news.enriched", "news.articles.dlq")
    assert s.batch_within_s == pytest.approx(0.007)
    assert s.fetch_max_wait_s == pytest.approx(0.25)
    assert s.ner == "spacy"
    assert s.native is False


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GEOPULSE_BROKER", "localhost"),
        ("GEOPULSE_BROKER", "host:99999"),
        ("GEOPULSE_PARTITIONS", "zero"),
        ("GEOPULSE_PARTITIONS", "0"),
        ("GEOPULSE_REPLICATION_FACTOR", "0"),
        ("GEOPULSE_REPLICATION_FACTOR", "17"),
        ("GEOPULSE_REPLICATION_FACTOR", "2.5"),
        ("GEOPULSE_WEB_PORT", "70000"),
        ("GEOPULSE_INPUT_TOPIC", "bad topic"),
        ("GEOPULSE_NER", "bert"),
        ("GEOPULSE_NATIVE", "fast"),
        ("GEOPULSE_LOG_LEVEL", "loud"),
        ("GEOPULSE_RULES_DIR", "/no/such/dir"),
        ("GEOPULSE_SASL_MECHANISM", "KERBEROS"),
        ("GEOPULSE_SSL_CAFILE", "/no/such/ca.pem"),
    ],
)
def test_bad_value_names_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings({name: value})
    message = str(info.value)
    assert message.startswith(name) and "\n" not in message


def test_sasl_needs_credentials_and_password_is_never_shown() -> None:
    with pytest.raises(ConfigError, match="GEOPULSE_SASL_USERNAME"):
        load_settings({"GEOPULSE_SASL_MECHANISM": "PLAIN"})
    s = load_settings(
        {
            "GEOPULSE_SASL_MECHANISM": "scram-sha-512",
            "GEOPULSE_SASL_USERNAME": "svc",
            "GEOPULSE_SASL_PASSWORD": "s3cret-value",
        }
    )
    assert s.security.protocol == "SASL_PLAINTEXT"
    assert s.security.sasl_mechanism == "SCRAM-SHA-512"
    assert "s3cret-value" not in repr(s)


def test_tls_with_client_certificate(tmp_path: Path) -> None:
    for name in ("ca.pem", "cert.pem", "key.pem"):
        (tmp_path / name).write_text("x")
    with pytest.raises(ConfigError, match="go together"):
        load_settings({"GEOPULSE_SSL_CERTFILE": str(tmp_path / "cert.pem")})
    s = load_settings(
        {
            "GEOPULSE_SSL_CAFILE": str(tmp_path / "ca.pem"),
            "GEOPULSE_SSL_CERTFILE": str(tmp_path / "cert.pem"),
            "GEOPULSE_SSL_KEYFILE": str(tmp_path / "key.pem"),
        }
    )
    assert s.security.protocol == "SSL"


def test_topics_are_created_with_the_configured_replicas(monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[Any] = []

    class Admin:  # the calls ensure_topics makes, with the cluster holding only the input topic
        def __init__(self, **options: Any) -> None:
            pass

        async def start(self) -> None:
            pass

        async def list_topics(self) -> list[str]:
            return ["wire.in"]

        async def create_topics(self, new: list[Any]) -> None:
            created.extend(new)

        async def close(self) -> None:
            pass

    monkeypatch.setattr(kafka, "AIOKafkaAdminClient", Admin)
    settings = load_settings(
        {
            "GEOPULSE_BROKER": "k1:9092,k2:9092,k3:9092",
            "GEOPULSE_INPUT_TOPIC": "wire.in",
            "GEOPULSE_PARTITIONS": "12",
            "GEOPULSE_REPLICATION_FACTOR": "3",
        }
    )
    assert asyncio.run(kafka.ensure_topics(settings)) == [
        "news.enriched",
        "news.events",
        "news.articles.dlq",
    ]
    assert [(t.name, t.num_partitions, t.replication_factor) for t in created] == [
        ("news.enriched", 12, 3),
        ("news.events", 12, 3),
        ("news.articles.dlq", 12, 3),
    ]


def _refusing_admin(code: int, message: str) -> type:
    """An admin client whose cluster answers topic creation with an error, as a cluster with
    fewer brokers than replicas does (the embedded broker accepts any replication factor)."""
    from aiokafka.protocol.admin import CreateTopicsResponse_v1

    class Admin:
        def __init__(self, **options: Any) -> None:
            pass

        async def start(self) -> None:
            pass

        async def list_topics(self) -> list[str]:
            return []

        async def create_topics(self, new: list[Any]) -> Any:
            return CreateTopicsResponse_v1(
                topic_errors=[(t.name, code, message) for t in new][:1]
                + [(t.name, 0, None) for t in new][1:]
            )

        async def close(self) -> None:
            pass

    return Admin


def test_a_refused_topic_creation_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    admin = _refusing_admin(38, "Replication factor: 3 larger than available brokers: 1.")
    monkeypatch.setattr(kafka, "AIOKafkaAdminClient", admin)
    settings = load_settings({"GEOPULSE_BROKER": "k1:9092", "GEOPULSE_REPLICATION_FACTOR": "3"})
    with pytest.raises(kafka.TopicsRefused) as info:
        asyncio.run(kafka.ensure_topics(settings))
    msg = str(info.value)
    assert "news.articles: InvalidReplicationFactorError" in msg
    assert "larger than available brokers" in msg


def test_the_worker_stops_with_one_line_when_topics_are_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from service import runner

    monkeypatch.setattr(kafka, "AIOKafkaAdminClient", _refusing_admin(38, "too few brokers"))
    monkeypatch.setenv("GEOPULSE_BROKER", "k1:9092")
    monkeypatch.setenv("GEOPULSE_REPLICATION_FACTOR", "3")
    assert runner.worker_command(load_settings()) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("geopulse: cannot start: the cluster refused to create topics")


def test_a_topic_another_worker_created_first_is_no_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kafka, "AIOKafkaAdminClient", _refusing_admin(36, "exists"))
    settings = load_settings({"GEOPULSE_BROKER": "k1:9092"})
    assert "news.articles" in asyncio.run(kafka.ensure_topics(settings))


def test_the_input_fetch_wait_reaches_the_kafka_consumer(tmp_path: Path) -> None:
    """Faust fixes its consumer's fetch wait at 1.5 s; the worker's setting replaces it."""
    from service.app import create_app
    from service.metrics import Metrics
    from service.pipeline import Pipeline
    from service.tagging import load_tagger

    settings = load_settings(
        {
            "GEOPULSE_BROKER": "127.0.0.1:9",
            "GEOPULSE_FETCH_MAX_WAIT_MS": "40",
            "GEOPULSE_DATA_DIR": str(tmp_path),
        }
    )
    pipeline = Pipeline(load_tagger(), settings.max_body_bytes, emit_events=True)
    app = create_app(settings, pipeline, Metrics())
    thread = app.consumer._thread  # type: ignore[attr-defined]

    async def created() -> Any:  # aiokafka makes its clients inside a running loop
        return thread._create_worker_consumer(app.transport)

    assert asyncio.run(created())._fetch_max_wait_ms == 40
