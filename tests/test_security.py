"""Security on a real Tansu broker: refused logins fail fast, secrets never leak, minimal HTTP.

Tansu 0.6 (the embedded broker) limits what can be tested for real: with ``--authentication``
it offers SCRAM only (PLAIN is refused) and ``tansu user create`` cannot log in to create the
first user, so no login can succeed; ``--cert`` and ``--key`` are mutually exclusive on its
command line, so its TLS listener cannot be started. What it can do is tested here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from service.broker import EmbeddedBroker, free_port, tansu_binary
from service.reliability import Worker, fresh_env, running

pytestmark = pytest.mark.broker
SECRET = "hunter2-Sekr1t-do-not-print"
REPO = Path(__file__).resolve().parents[1]


def run_worker(env: dict[str, str], timeout_s: float = 90.0) -> tuple[int, str, float]:
    """Run ``python -m service worker`` to its exit: (code, all output, seconds)."""
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "service", "worker"],
        env={**os.environ, **env, "GEOPULSE_WEB_PORT": str(free_port())},
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started


@pytest.fixture(scope="module")
def auth_broker(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedBroker:
    log = tmp_path_factory.mktemp("auth") / "tansu.log"
    with EmbeddedBroker(extra_args=("--authentication",), log_path=log) as running_broker:
        yield running_broker  # type: ignore[misc]


@pytest.mark.parametrize("mechanism", ["SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"])
def test_refused_login_fails_fast_with_one_line_and_no_secret(
    auth_broker: EmbeddedBroker, mechanism: str
) -> None:
    env = fresh_env(
        auth_broker.address,
        GEOPULSE_SASL_MECHANISM=mechanism,
        GEOPULSE_SASL_USERNAME="alice",
        GEOPULSE_SASL_PASSWORD=SECRET,
        GEOPULSE_LOG_LEVEL="DEBUG",  # the most talkative the worker gets
    )
    code, output, seconds = run_worker(env)
    assert code != 0
    assert seconds < 60, "a refused login must not hang"
    assert "Traceback" not in output
    last = output.strip().splitlines()[-1]
    assert last.startswith(f"geopulse: cannot connect to {auth_broker.address} with SASL"), last
    assert "'alice'" in last
    assert SECRET not in output


def test_secret_never_in_logs_metrics_or_ready(broker: EmbeddedBroker, tmp_path: Path) -> None:
    """A running worker with a password in its environment never shows it anywhere."""
    env = fresh_env(broker.address, GEOPULSE_SASL_PASSWORD=SECRET, GEOPULSE_LOG_LEVEL="DEBUG")
    worker = Worker(env, tmp_path / "worker.log").start()
    with running([worker]):
        worker.wait_ready()
        pages = [worker.get(p)[1] for p in ("/metrics", "/ready", "/health")]
    assert all(pages)
    assert all(SECRET.encode() not in page for page in pages)
    assert SECRET not in (tmp_path / "worker.log").read_text(errors="replace")


def _request(method: str, url: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=5) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_http_binds_the_configured_host_and_serves_only_three_gets(
    broker: EmbeddedBroker, tmp_path: Path
) -> None:
    env = fresh_env(broker.address, GEOPULSE_WEB_HOST="127.0.0.2")
    worker = Worker(env, tmp_path / "worker.log").start()
    base = f"http://127.0.0.2:{worker.web_port}"
    with running([worker]):
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if _request("GET", f"{base}/ready") == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        assert _request("GET", f"{base}/health") == 200
        assert _request("GET", f"{base}/metrics") == 200
        for path in ("/", "/admin", "/debug/vars", "/router", "/../etc/passwd", "/metrics/x"):
            assert _request("GET", base + path) == 404, path
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            assert _request(method, f"{base}/metrics") == 405, method
        with pytest.raises(OSError):  # nothing listens on the other loopback address
            _request("GET", f"http://127.0.0.1:{worker.web_port}/health")


@pytest.fixture(scope="module")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A self-signed CA and a server certificate for 127.0.0.1, made with openssl."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    d = tmp_path_factory.mktemp("certs")

    def ssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True)

    ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-days", "1", "-subj", "/CN=geopulse-test-ca")  # fmt: skip
    ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "srv.key", "-out", "srv.csr",
        "-subj", "/CN=127.0.0.1")  # fmt: skip
    (d / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    ssl("x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "srv.pem", "-days", "1", "-extfile", "ext.cnf")  # fmt: skip
    return d


def test_tls_to_a_plaintext_listener_fails_fast(broker: EmbeddedBroker, certs: Path) -> None:
    """TLS configured but the broker speaks plaintext: a clear exit, not a hang."""
    env = fresh_env(broker.address, GEOPULSE_SSL_CAFILE=str(certs / "ca.pem"))
    code, output, seconds = run_worker(env)
    assert code != 0
    assert seconds < 60
    assert "Traceback" not in output
    assert output.strip().splitlines()[-1].startswith("geopulse: "), output[-500:]


def test_tansu_tls_listener(certs: Path) -> None:
    """Runs for real once Tansu accepts a certificate and key; skips, saying why, until then."""
    url = f"tcp://127.0.0.1:{free_port()}"
    args = ["broker", "--listener-url", url, "--cert", str(certs / "srv.pem")]
    proc = subprocess.Popen(
        [str(tansu_binary()), *args, "--key", str(certs / "srv.key")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        out, _ = proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail("Tansu now starts with --cert and --key: write the end-to-end TLS test")
    if "cannot be used with" in out:
        pytest.skip(f"Tansu cannot start a TLS listener: {out.strip().splitlines()[0]}")
    pytest.fail(f"unexpected Tansu exit: {out}")
