"""Kafka connection details shared by the worker, the CLI tools and the tests.

One place turns :class:`~service.config.Settings` into client options (plain, SASL, TLS), so
the Faust worker and the plain ``aiokafka`` clients of ``produce``/``consume``/``run`` always
connect the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import ssl
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError, for_code

from service.config import Security, Settings


def ssl_context(security: Security) -> ssl.SSLContext | None:
    """A client TLS context from the configured CA and client certificate, or None."""
    if not security.tls:
        return None
    context = ssl.create_default_context(
        cafile=str(security.ssl_cafile) if security.ssl_cafile else None
    )
    if security.ssl_certfile and security.ssl_keyfile:
        context.load_cert_chain(str(security.ssl_certfile), str(security.ssl_keyfile))
    return context


def client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for any aiokafka client connecting to the configured cluster."""
    sec = settings.security
    options: dict[str, Any] = {
        "bootstrap_servers": ",".join(settings.brokers),
        "security_protocol": sec.protocol,
    }
    context = ssl_context(sec)
    if context is not None:
        options["ssl_context"] = context
    if sec.sasl_mechanism:
        options["sasl_mechanism"] = sec.sasl_mechanism
        options["sasl_plain_username"] = sec.sasl_username
        options["sasl_plain_password"] = sec.sasl_password
    return options


def connection_failure(settings: Settings, exc: BaseException) -> str | None:
    """One line for an error the Kafka client raised while connecting (None: not one of those).

    aiokafka reports a refused SCRAM login as a bare ``KeyError`` from its own code, so errors
    are recognised by where they were raised, not only by type. Never includes the password.
    """
    if not _raised_in_client(exc):
        return None
    where = ",".join(settings.brokers)
    detail = f"{type(exc).__name__}: {exc}"
    sec = settings.security
    tls = _tls_problem(settings) if sec.tls else None
    if tls is not None:  # aiokafka logs why a TLS connection failed but raises only "unable"
        return (
            f"TLS to {where} failed ({tls}): check "
            "GEOPULSE_SSL_CAFILE/CERTFILE/KEYFILE and that the listener speaks TLS"
        )
    if sec.sasl_mechanism:
        return (
            f"cannot connect to {where} with SASL {sec.sasl_mechanism} as "
            f"{sec.sasl_username!r} ({detail}): wrong password, unknown user, or a mechanism "
            "the broker does not offer"
        )
    return f"cannot reach the Kafka cluster at {where}: {detail}"


def _tls_problem(settings: Settings, timeout_s: float = 3.0) -> str | None:
    """Why a TLS handshake with the first broker fails, or None if it succeeds or cannot tell."""
    host, _, port = (settings.brokers or ("",))[0].rpartition(":")
    context = ssl_context(settings.security)
    if context is None or not host or not port.isdigit():
        return None
    try:
        with (
            socket.create_connection((host, int(port)), timeout=timeout_s) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            tls.settimeout(1.0)  # TLS 1.3 refuses a client certificate only after the handshake
            return None if tls.recv(1) else "the broker closed the connection after the handshake"
    except ssl.SSLCertVerificationError as exc:
        return f"certificate verify failed: {exc.verify_message}"
    except ssl.SSLError as exc:
        return str(exc.reason or exc)
    except OSError:
        return None


def _raised_in_client(exc: BaseException) -> bool:
    if type(exc).__module__.startswith(("aiokafka", "kafka")):
        return True
    tb = exc.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).startswith("aiokafka"):
            return True
        tb = tb.tb_next
    return False


async def ensure_topics(settings: Settings, timeout_s: float = 30.0) -> list[str]:
    """Create the service's topics if missing; returns the names that were created."""
    admin = AIOKafkaAdminClient(**client_options(settings), request_timeout_ms=10_000)
    await asyncio.wait_for(admin.start(), timeout_s)
    try:
        existing = set(await admin.list_topics())
        wanted = [t for t in settings.topics() if t not in existing]
        if wanted:
            new = [NewTopic(t, settings.partitions, settings.replication_factor) for t in wanted]
            with contextlib.suppress(TopicAlreadyExistsError):  # another worker was first
                _check_created(await admin.create_topics(new))
        return wanted
    finally:
        await admin.close()


class TopicsRefused(RuntimeError):
    """The cluster answered a topic creation with an error (e.g. more replicas than brokers)."""


def _check_created(response: Any) -> None:
    """Raise :class:`TopicsRefused` naming each topic the cluster refused to create; the
    client reports refusals in the response instead of raising them."""
    refused = []
    for err in getattr(response, "topic_errors", ()):
        topic, code = err[0], err[1]
        if code in (0, TopicAlreadyExistsError.errno):  # another worker was first
            continue
        detail = err[2] if len(err) > 2 and err[2] else ""
        name = for_code(code).__name__
        refused.append(f"{topic}: {name}" + (f" ({detail})" if detail else ""))
    if refused:
        raise TopicsRefused("the cluster refused to create topics: " + "; ".join(refused))


def producer(settings: Settings, **overrides: Any) -> AIOKafkaProducer:
    """A producer that waits for every in-sync replica, so a send that returns is durable."""
    options = {"acks": "all", "linger_ms": 5, **overrides}
    return AIOKafkaProducer(**client_options(settings), **options)


def consumer(settings: Settings, *topics: str, **overrides: Any) -> AIOKafkaConsumer:
    """A consumer of ``topics`` from the earliest offset (no group unless one is given)."""
    options = {"auto_offset_reset": "earliest", "enable_auto_commit": False, **overrides}
    return AIOKafkaConsumer(*topics, **client_options(settings), **options)
