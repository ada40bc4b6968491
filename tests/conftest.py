"""Shared fixtures: a real Kafka-compatible broker (Tansu) on a free loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from service.broker import EmbeddedBroker

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    """One Tansu broker for the session; tests isolate themselves by topic and group names."""
    log = tmp_path_factory.mktemp("broker") / "tansu.log"
    with EmbeddedBroker(log_path=log) as running:
        yield running


@pytest.fixture
def dev_set() -> Path:
    """The labelled dev articles, or a clean skip where ../shared is not beside the repo."""
    path = SHARED / "eval" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"labelled data not present at {path}")
    return path
