"""Start-up errors: one clear line and a non-zero exit, before anything connects to Kafka."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.cli import main
from tests.kafka_helpers import REPO


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", [["worker"], ["tag"], ["rules", "check"]])
def test_bad_rule_file_stops_start_up_with_one_line(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "mine.json").write_text('{"event_types": {"lower": {}}}')
    result = run(command, GEOPULSE_RULES_DIR=str(tmp_path))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("geopulse: rules:") and "mine.json" in lines[-1]
    assert "Traceback" not in result.stderr
    assert "embedded broker started" not in result.stderr  # failed before touching Kafka


def test_bad_setting_stops_start_up_with_one_line() -> None:
    result = run(["worker"], GEOPULSE_PARTITIONS="many")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "geopulse: configuration error: GEOPULSE_PARTITIONS='many': "
        "expected an integer from 1 to 10000"
    )


def test_demo_prints_results_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """``make run``: results within a minute, and SIGTERM leaves no worker or broker behind."""
    env = {**os.environ, "GEOPULSE_DATA_DIR": str(tmp_path), "GEOPULSE_WEB_PORT": "0"}
    env.pop("GEOPULSE_BROKER", None)
    demo = subprocess.Popen(
        [sys.executable, "-m", "service", "run"],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    try:
        assert demo.stdout is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum(x.startswith("enriched") for x in lines) < 6:
            lines.append(demo.stdout.readline())
        worker_pid = int(lines[0].split("worker pid ")[1].split()[0])
        # twice, as `timeout make run` delivers it (to make, which passes it on, and to the
        # demo): the second must not break into the stopping
        demo.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        demo.send_signal(signal.SIGTERM)
        rest, _ = demo.communicate(timeout=60)
    finally:
        if demo.poll() is None:
            demo.kill()
    assert sum(x.startswith("enriched demo-") for x in lines) == 6, "".join(lines)
    assert "worker stopped (exit code 0)" in rest
    assert "Traceback" not in rest and "ERROR" not in rest, rest
    assert demo.returncode == 0
    with pytest.raises(ProcessLookupError):
        os.kill(worker_pid, 0)
    broker = [p for p in Path("/proc").glob("[0-9]*") if _child_tansu(p, tmp_path)]
    assert broker == [], "the embedded broker was left running"


def _child_tansu(proc: Path, data_dir: Path) -> bool:
    """Whether /proc entry ``proc`` is a Tansu broker logging into ``data_dir``."""
    try:
        fds = list((proc / "fd").iterdir())
        return "tansu" in (proc / "cmdline").read_text() and any(
            str(data_dir) in os.readlink(fd) for fd in fds
        )
    except OSError:
        return False


@pytest.mark.parametrize(("command", "option"), [("eval", "--worst"), ("train", "--threshold")])
def test_a_forwarded_commands_help_is_its_own(
    command: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert option in capsys.readouterr().out
