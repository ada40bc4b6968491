"""Start-up errors: one clear line and a non-zero exit, before anything connects to Kafka."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
