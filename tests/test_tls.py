"""TLS end to end: a worker talks to Tansu through a TLS-terminating proxy.

Tansu cannot serve TLS itself (see ``test_security.py``), so a proxy in the test accepts TLS on
port B and pipes the plaintext bytes to Tansu on port A; Tansu advertises B, so every metadata
and coordinator answer sends clients back through the proxy. The proxy requires a client
certificate signed by the test CA (mutual TLS).
"""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import orjson
import pytest

from service.broker import EmbeddedBroker, free_port
from service.schemas import validator
from tests.articles import messages
from tests.kafka_helpers import WorkerProcess, create_topics, drain, produce, unique_settings

pytestmark = pytest.mark.broker
CLIENT_CN = "geopulse-test-client"


def _openssl(cwd: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _make_ca(d: Path, name: str) -> None:
    _openssl(d, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key",
             "-out", f"{name}.pem", "-days", "1", "-subj", f"/CN=geopulse-{name}")  # fmt: skip


def _make_leaf(d: Path, name: str, cn: str, extensions: str) -> None:
    """A key and certificate ``name`` signed by ``ca``, with the given v3 extensions."""
    (d / f"{name}.cnf").write_text(extensions)
    _openssl(d, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key",
             "-out", f"{name}.csr", "-subj", f"/CN={cn}")  # fmt: skip
    _openssl(d, "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
             "-CAcreateserial", "-out", f"{name}.pem", "-days", "1",
             "-extfile", f"{name}.cnf")  # fmt: skip


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CA, a server cert for 127.0.0.1/localhost, a client cert, and an unrelated CA."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    d = tmp_path_factory.mktemp("tls")
    _make_ca(d, "ca")
    _make_ca(d, "other-ca")  # signed nothing here: a worker trusting it must refuse the server
    server_ext = "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
    _make_leaf(d, "server", "127.0.0.1", server_ext)
    _make_leaf(d, "client", CLIENT_CN, "extendedKeyUsage=clientAuth\n")
    return d


@dataclass
class TLSProxy:
    """Accepts TLS on a loopback port and pipes the decrypted bytes to ``upstream_port``."""

    upstream_port: int
    context: ssl.SSLContext
    host: str = "127.0.0.1"
    port: int = 0
    client_cns: list[str] = field(default_factory=list)  # CN of every verified client cert
    _loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.new_event_loop)
    _thread: threading.Thread | None = None
    _server: asyncio.Server | None = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self) -> TLSProxy:
        """Listen (in a background thread with its own loop); ``port`` is then the real one."""
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        listen = asyncio.start_server(self._handle, self.host, 0, ssl=self.context)
        self._server = asyncio.run_coroutine_threadsafe(listen, self._loop).result(10)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    def stop(self) -> None:
        """Close the listener and every open connection, then the loop; idempotent."""
        if self._thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._thread = None
        self._loop.close()

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        cert = writer.get_extra_info("peercert") or {}
        self.client_cns += [
            v for rdn in cert.get("subject", ()) for k, v in rdn if k == "commonName"
        ]
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Copy until EOF or an error, then close the other side."""
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (OSError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


def server_context(certs: Path) -> ssl.SSLContext:
    """Server side of mutual TLS: our certificate, and a client certificate from our CA."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=str(certs / "ca.pem"))
    context.load_cert_chain(str(certs / "server.pem"), str(certs / "server.key"))
    context.verify_mode = ssl.CERT_REQUIRED
    return context


@pytest.fixture(scope="module")
def tls_proxy(certs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TLSProxy]:
    """Tansu on plaintext port A, advertising the proxy's TLS port B; both stopped at the end."""
    upstream = free_port()
    proxy = TLSProxy(upstream, server_context(certs))
    log = tmp_path_factory.mktemp("tls-broker") / "tansu.log"
    try:
        proxy.start()
        with EmbeddedBroker(port=upstream, advertised_port=proxy.port, log_path=log):
            yield proxy
    finally:
        proxy.stop()


def tls_env(certs: Path, ca: str = "ca.pem") -> dict[str, str]:
    return {
        "GEOPULSE_SSL_CAFILE": str(certs / ca),
        "GEOPULSE_SSL_CERTFILE": str(certs / "client.pem"),
        "GEOPULSE_SSL_KEYFILE": str(certs / "client.key"),
    }


def test_mutual_tls_end_to_end(tls_proxy: TLSProxy, certs: Path, tmp_path: Path) -> None:
    """Topics, input, the worker and the output all go through mutual TLS; a clean exit."""
    env = tls_env(certs)
    settings = unique_settings(tls_proxy.address, **env)
    assert settings.security.protocol == "SSL"
    create_topics(settings)
    sent = messages(20, prefix="tls")
    worker = WorkerProcess(settings, tmp_path / "worker.log", extra_env=env).start()
    try:
        produce(settings, sent)
        enriched = drain(settings, settings.output_topic, until=len(sent))
    finally:
        code = worker.terminate()
    assert code == 0, worker.log_tail()
    assert sorted(r.key for r in enriched) == sorted(k for k, _ in sent)
    for record in enriched:
        validator("enriched.v1").validate(orjson.loads(record.value))
    assert tls_proxy.client_cns and set(tls_proxy.client_cns) == {CLIENT_CN}


def run_to_exit(worker: WorkerProcess, timeout_s: float = 90.0) -> tuple[int, str, float]:
    """Wait for a worker that should fail: (exit code, its output, seconds); killed at the end."""
    assert worker.proc is not None
    started = time.monotonic()
    try:
        code = worker.proc.wait(timeout_s)
    finally:
        worker.kill()
    return code, worker.log_path.read_text(errors="replace"), time.monotonic() - started


def test_untrusted_server_certificate_fails_fast(
    tls_proxy: TLSProxy, certs: Path, tmp_path: Path
) -> None:
    """A CA that did not sign the server's certificate: one clear line, non-zero, no hang."""
    env = tls_env(certs, ca="other-ca.pem")
    settings = unique_settings(tls_proxy.address, **env)
    worker = WorkerProcess(settings, tmp_path / "worker.log", extra_env=env).start()
    code, output, seconds = run_to_exit(worker)
    assert code != 0
    assert seconds < 60, "an untrusted certificate must not hang"
    assert "Traceback" not in output
    last = output.strip().splitlines()[-1]
    assert last.startswith("geopulse: "), output[-1000:]
    assert "certificate verify failed" in last and "GEOPULSE_SSL_CAFILE" in last, last


def test_missing_client_certificate_is_refused(
    tls_proxy: TLSProxy, certs: Path, tmp_path: Path
) -> None:
    """The proxy requires a client certificate: without one the worker exits with one line."""
    env = {"GEOPULSE_SSL_CAFILE": str(certs / "ca.pem")}
    settings = unique_settings(tls_proxy.address, **env)
    worker = WorkerProcess(settings, tmp_path / "worker.log", extra_env=env).start()
    code, output, seconds = run_to_exit(worker)
    assert code != 0
    assert seconds < 60, "a refused client certificate must not hang"
    assert "Traceback" not in output
    last = output.strip().splitlines()[-1]
    assert last.startswith("geopulse: "), output[-1000:]
    assert last.startswith(f"geopulse: TLS to {tls_proxy.address} failed"), last
    assert "GEOPULSE_SSL_CAFILE/CERTFILE/KEYFILE" in last, last
