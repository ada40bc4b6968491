"""Configuration from the environment.

Every setting is a ``GEOPULSE_*`` variable with a default that works on a bare machine
(``GEOPULSE_BROKER`` unset means "start the embedded broker"). A bad value fails at start-up
with one line that names the variable, never deep inside the worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TypeVar

from service import native

T = TypeVar("T")

SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
NER_BACKENDS = ("rules", "spacy")
LOG_FORMATS = ("json", "text")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message is one line naming the variable."""


@dataclass(frozen=True, slots=True)
class Security:
    """How to authenticate to and encrypt the connection with the Kafka cluster."""

    sasl_mechanism: str | None = None
    sasl_username: str | None = None
    sasl_password: str | None = field(default=None, repr=False)
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None

    @property
    def tls(self) -> bool:
        return self.ssl_cafile is not None or self.ssl_certfile is not None

    @property
    def protocol(self) -> str:
        """The Kafka ``security.protocol`` these settings amount to."""
        if self.sasl_mechanism:
            return "SASL_SSL" if self.tls else "SASL_PLAINTEXT"
        return "SSL" if self.tls else "PLAINTEXT"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the service can be told; see README "Configuration" for the table."""

    brokers: tuple[str, ...] = ()
    input_topic: str = "news.articles"
    output_topic: str = "news.enriched"
    events_topic: str | None = "news.events"
    dlq_topic: str = "news.articles.dlq"
    group: str = "geopulse"
    partitions: int = 4
    replication_factor: int = 1
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    max_body_bytes: int = 1 << 20
    batch_max: int = 500
    batch_within_s: float = 0.005
    fetch_max_wait_s: float = 0.01
    session_timeout_s: float = 10.0
    request_timeout_s: float = 30.0
    rules_dir: Path | None = None
    ner: str = "rules"
    native: bool = True  # the compiled tagger when a current build exists (service.native)
    log_level: str = "INFO"
    log_format: str = "json"
    data_dir: Path = Path(".geopulse")
    security: Security = Security()

    @property
    def embedded(self) -> bool:
        """True when no broker is configured and the embedded one must be started."""
        return not self.brokers

    def with_brokers(self, brokers: tuple[str, ...]) -> Settings:
        """A copy pointing at ``brokers`` (used once the embedded broker has a port)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["brokers"] = brokers
        return Settings(**values)

    def topics(self) -> tuple[str, ...]:
        """Every topic the worker reads or writes."""
        names = (self.input_topic, self.output_topic, self.events_topic, self.dlq_topic)
        return tuple(n for n in names if n)


_DEFAULTS = Settings()


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read :class:`Settings` from ``env`` (default ``os.environ``), validating every value."""
    e = _Env(os.environ if env is None else env)
    d = _DEFAULTS
    settings = Settings(
        brokers=e.get("GEOPULSE_BROKER", _brokers, ()),
        input_topic=e.get("GEOPULSE_INPUT_TOPIC", _topic, d.input_topic),
        output_topic=e.get("GEOPULSE_OUTPUT_TOPIC", _topic, d.output_topic),
        events_topic=e.get("GEOPULSE_EVENTS_TOPIC", _optional_topic, d.events_topic),
        dlq_topic=e.get("GEOPULSE_DLQ_TOPIC", _topic, d.dlq_topic),
        group=e.get("GEOPULSE_GROUP", _topic, d.group),
        partitions=e.get("GEOPULSE_PARTITIONS", _int_range(1, 10_000), d.partitions),
        replication_factor=e.get(
            "GEOPULSE_REPLICATION_FACTOR", _int_range(1, 16), d.replication_factor
        ),
        web_host=e.get("GEOPULSE_WEB_HOST", _nonempty, d.web_host),
        web_port=e.get("GEOPULSE_WEB_PORT", _int_range(0, 65535), d.web_port),
        max_body_bytes=e.get("GEOPULSE_MAX_BODY_BYTES", _int_range(1, 64 << 20), d.max_body_bytes),
        batch_max=e.get("GEOPULSE_BATCH_MAX", _int_range(1, 100_000), d.batch_max),
        batch_within_s=e.get("GEOPULSE_BATCH_WITHIN_MS", _millis, d.batch_within_s),
        fetch_max_wait_s=e.get("GEOPULSE_FETCH_MAX_WAIT_MS", _millis, d.fetch_max_wait_s),
        session_timeout_s=e.get("GEOPULSE_SESSION_TIMEOUT_MS", _millis, d.session_timeout_s),
        request_timeout_s=e.get("GEOPULSE_REQUEST_TIMEOUT_MS", _millis, d.request_timeout_s),
        rules_dir=e.get("GEOPULSE_RULES_DIR", _existing_dir, None),
        ner=e.get("GEOPULSE_NER", _choice(NER_BACKENDS), d.ner),
        native=e.get(native.ENV, native.parse_switch, d.native),
        log_level=e.get("GEOPULSE_LOG_LEVEL", _log_level, d.log_level),
        log_format=e.get("GEOPULSE_LOG_FORMAT", _choice(LOG_FORMATS), d.log_format),
        data_dir=e.get("GEOPULSE_DATA_DIR", Path, d.data_dir),
        security=_security(e),
    )
    if settings.session_timeout_s < 1.0:
        raise ConfigError("GEOPULSE_SESSION_TIMEOUT_MS must be at least 1000")
    if settings.request_timeout_s < 1.0:
        raise ConfigError("GEOPULSE_REQUEST_TIMEOUT_MS must be at least 1000")
    return settings


def _security(e: _Env) -> Security:
    sec = Security(
        sasl_mechanism=e.get("GEOPULSE_SASL_MECHANISM", _sasl_mechanism, None),
        sasl_username=e.get("GEOPULSE_SASL_USERNAME", _nonempty, None),
        sasl_password=e.get("GEOPULSE_SASL_PASSWORD", str, None),
        ssl_cafile=e.get("GEOPULSE_SSL_CAFILE", _existing_file, None),
        ssl_certfile=e.get("GEOPULSE_SSL_CERTFILE", _existing_file, None),
        ssl_keyfile=e.get("GEOPULSE_SSL_KEYFILE", _existing_file, None),
    )
    if sec.sasl_mechanism and (sec.sasl_username is None or sec.sasl_password is None):
        raise ConfigError(
            "GEOPULSE_SASL_MECHANISM is set: GEOPULSE_SASL_USERNAME and "
            "GEOPULSE_SASL_PASSWORD are required too"
        )
    if (sec.ssl_certfile is None) != (sec.ssl_keyfile is None):
        raise ConfigError("GEOPULSE_SSL_CERTFILE and GEOPULSE_SSL_KEYFILE go together")
    return sec


class _Env:
    """Typed access to environment variables; empty strings count as unset."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self._env = env

    def get(self, name: str, parse: Callable[[str], T], default: T) -> T:
        raw = self._env.get(name)
        if raw is None or (raw.strip() == "" and parse is not _optional_topic):
            return default
        try:
            return parse(raw.strip())
        except (ValueError, TypeError) as exc:
            shown = "<hidden>" if "PASSWORD" in name else repr(raw)
            raise ConfigError(f"{name}={shown}: {exc}") from None


def _brokers(raw: str) -> tuple[str, ...]:
    out = []
    for item in raw.split(","):
        item = item.strip().removeprefix("kafka://")
        host, sep, port = item.rpartition(":")
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError("expected a comma-separated list of host:port")
        out.append(item)
    return tuple(out)


def _topic(raw: str) -> str:
    if len(raw) > 249 or not all(c.isalnum() or c in "._-" for c in raw):
        raise ValueError("a topic/group name uses only letters, digits, '.', '_' and '-'")
    return raw


def _optional_topic(raw: str) -> str | None:
    return _topic(raw.strip()) if raw.strip() else None


def _nonempty(raw: str) -> str:
    if not raw:
        raise ValueError("must not be empty")
    return raw


def _int_range(lo: int, hi: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(f"expected an integer from {lo} to {hi}") from None
        if not lo <= value <= hi:
            raise ValueError(f"expected an integer from {lo} to {hi}")
        return value

    return parse


def _millis(raw: str) -> float:
    return _int_range(0, 3_600_000)(raw) / 1000.0


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw.lower() not in options:
            raise ValueError(f"expected one of {', '.join(options)}")
        return raw.lower()

    return parse


def _sasl_mechanism(raw: str) -> str:
    if raw.upper() not in SASL_MECHANISMS:
        raise ValueError(f"expected one of {', '.join(SASL_MECHANISMS)}")
    return raw.upper()


def _log_level(raw: str) -> str:
    levels = ("DEBUG", "INFO", "WARNING", "ERROR")
    if raw.upper() not in levels:
        raise ValueError(f"expected one of {', '.join(levels)}")
    return raw.upper()


def _existing_dir(raw: str) -> Path:
    path = Path(raw)
    if not path.is_dir():
        raise ValueError("no such directory")
    return path


def _existing_file(raw: str) -> Path:
    path = Path(raw)
    if not path.is_file():
        raise ValueError("no such file")
    return path
