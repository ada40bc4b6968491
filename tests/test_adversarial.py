"""Worst-case text and hostile rule files: tagging time stays linear in the input size.

Ratios, not wall-clock thresholds: 10× the input may cost at most 25× the time, which
a quadratic pattern (100×) cannot meet however fast or loaded the machine is.
"""

from __future__ import annotations

import functools
import gc
import json
import time
from pathlib import Path

import pytest

from service.adversarial import GENERATORS, adversarial_inputs, tag_seconds
from service.tagging import RulesError, Tagger, check_rules, load_tagger

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 25.0


@functools.cache
def tagger() -> Tagger:
    return load_tagger()


def growth(tag: Tagger, small: str, large: str, limit: float = MAX_RATIO) -> float:
    """Time ratio large/small; measured again if it reaches ``limit``, as a loaded machine is
    noisy.
    The garbage collector is paused while timing: its passes cost what every earlier test
    left alive, not what the tagger does (a quadratic path still shows as ~100x)."""
    ratio = 0.0
    gc.collect()
    gc.disable()
    try:
        for _ in range(2):
            small_s = max(tag_seconds(tag, small, repeat=3), 1e-4)
            ratio = tag_seconds(tag, large, repeat=1) / small_s
            if ratio < limit:
                break
    finally:
        gc.enable()
    return ratio


def test_generators_make_the_size_asked_for() -> None:
    for name, text in adversarial_inputs(5000).items():
        assert 4000 <= len(text) <= 5000, name


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_tagging_time_grows_linearly(name: str) -> None:
    make = GENERATORS[name]
    ratio = growth(tagger(), make(SMALL), make(LARGE))
    assert ratio < MAX_RATIO, f"{name}: 10x input took {ratio:.1f}x the time"


def _rule_file(tmp_path: Path, pattern: str) -> Path:
    doc = {"event_types": {"HOSTILE": {"cameo": "000", "plover": "X", "triggers": [pattern]}}}
    (tmp_path / "hostile.json").write_text(json.dumps(doc))
    return tmp_path


@pytest.mark.parametrize(
    "pattern",
    [
        "(a+)+b",  # classic regex bomb: regex syntax is refused outright
        "a|b|(c*)*",
        " ".join(["a_b|c_d|e_f|g_h"] * 8),  # 4^8 variants: hours to compile, refused
        " ".join(["x"] * 13),  # over the element limit
        "... tariff",
    ],
)
def test_malicious_rule_file_is_rejected(tmp_path: Path, pattern: str) -> None:
    rules_dir = _rule_file(tmp_path, pattern)
    assert check_rules(rules_dir)
    started = time.monotonic()
    with pytest.raises(RulesError):
        load_tagger(rules_dir)
    assert time.monotonic() - started < 30  # refused by validation, not by running out of time


@pytest.mark.slow
def test_worst_accepted_rule_file_matches_linearly(tmp_path: Path) -> None:
    """The costliest pattern validation lets through: gaps everywhere, 64 variants."""
    words = ["threaten|a_b", "impose|c_d", "tariff|e_f", "to|g_h", "impose|i_j", "tariff|k_l"]
    pattern = " ... ".join(words)  # 11 elements, 2**6 variants
    rules_dir = _rule_file(tmp_path, pattern)
    assert check_rules(rules_dir) == []
    hostile = load_tagger(rules_dir)
    make = GENERATORS["trigger_soup"]
    ratio = growth(hostile, make(SMALL), make(LARGE))
    assert ratio < MAX_RATIO, f"10x input took {ratio:.1f}x the time"


def test_texts_that_repeat_this_sessions_cues_stay_linear() -> None:
    """Long texts built from the phrases the newer role rules look at ("the group", "both
    countries", "called the move", a bare "Army", long coordinations) take time in proportion
    to their size: a quadratic path shows as a ratio far above 4 at 4x the size."""

    units = [
        "Hamas and the group and Israel, ",
        "Iran and Iraq, ",
        "Germany called the move unjustified. ",
        "Sudan's Army attacked Chad. ",
        "Officials said the group would not attend. ",
    ]
    end = "both countries clashed with troops."
    for unit in units:
        # 4x the size within 8x the time, measured twice before failing (see growth())
        small, large = (unit * (size // len(unit)) + end for size in (50_000, 200_000))
        ratio = growth(tagger(), small, large, limit=8)
        assert ratio < 8, (unit, ratio)
