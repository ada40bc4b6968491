"""``python -m service tag``: the record a topic would get, in order; bad lines by number."""

from __future__ import annotations

import subprocess
import sys

import orjson

from service.pipeline import Pipeline
from service.tagging import load_tagger
from tests.articles import article
from tests.kafka_helpers import REPO


def run_tag(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "service", "tag"],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def test_tag_prints_the_topic_record_in_order_and_reports_bad_lines() -> None:
    good = [orjson.dumps(article(i)) for i in range(3)]
    lines = [good[0], b"{broken", good[1], b"", b'{"id": 3}', good[2]]
    result = run_tag(b"\n".join(lines) + b"\n")
    assert result.returncode == 1
    out = result.stdout.splitlines()
    expected = Pipeline(load_tagger(), 1 << 20, False)
    assert out == [expected.process(line).value for line in good]  # type: ignore[union-attr]
    errors = result.stderr.decode().splitlines()
    assert errors[0].startswith("line 2: invalid_json:")
    assert errors[1].startswith("line 5: schema:")
    assert len(errors) == 2


def test_tag_exits_zero_when_every_line_is_good() -> None:
    result = run_tag(orjson.dumps(article(4)) + b"\n")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["article"]["id"] == "a-00004"
