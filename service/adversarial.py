"""Worst-case text for the tagger: inputs built to expose super-linear time.

Each generator returns about ``size`` characters of one pathological shape. The tests check
that tagging time grows linearly with size; ``make bench`` reports time per MB for each.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

from service.tagging import Tagger


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _cycle(words: list[str], size: int, sep: str = " ") -> str:
    out: list[str] = []
    n = 0
    for word in itertools.cycle(words):
        if n >= size:
            break
        out.append(word)
        n += len(word) + len(sep)
    return sep.join(out)[:size]


_RUN_ON = (
    "the president threatened to impose tariffs on imports from china and said talks "
    "with russia could resume while sanctions on oil remained"
)
_CAPITALS = [f"{a}{b}ovich" for a in "BCDFGHJKLMNPRSTVWZ" for b in "aeiou"]

GENERATORS: dict[str, Callable[[int], str]] = {
    # One token over and over: every position is a candidate for the same rule.
    "repeated_token": lambda n: _repeat("tariff ", n),
    # One sentence with no end: anything per-sentence sees the whole input at once.
    "no_punctuation": lambda n: _cycle(_RUN_ON.split(), n),
    # Thousands of capitalised words in a row: one endless candidate name.
    "capitalised_words": lambda n: _cycle(_CAPITALS, n),
    # Runs of digits and percent signs: the rate and number patterns.
    "digits_and_percent": lambda n: _repeat("1234567890% 25%-50% 10 to 20% ", n),
    "digit_run": lambda n: _repeat("9", n),
    "percent_run": lambda n: _repeat("%", n),
    # Abbreviations that look like sentence ends.
    "abbreviations": lambda n: _repeat("U.S. U.K. E.U. Mr. Dr. ", n),
    # Event triggers with gaps, so every '...' element searches its window.
    "trigger_soup": lambda n: _repeat("threatened to impose threatened impose tariffs tariffs ", n),
    # A possessive in every word: each token joined by an apostrophe is split in two.
    "possessives": lambda n: _repeat("Sudan's army's chief's ", n),
    # Mixed: actors, triggers and targets in one run with no sentence end.
    "mixed_no_end": lambda n: _repeat(
        "Donald Trump threatened Russia China Iran sanctions tariffs ceasefire talks ", n
    ),
}


def adversarial_inputs(size: int) -> dict[str, str]:
    """Every pathological shape at ``size`` characters, by name."""
    return {name: make(size) for name, make in GENERATORS.items()}


def tag_seconds(tagger: Tagger, text: str, repeat: int = 1) -> float:
    """Best-of-``repeat`` time to tag ``text`` as a body."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        tagger.tag("adversarial", text, "")
        best = min(best, time.perf_counter() - started)
    return best
