"""CueSet's look-ups against a plain reference: every position, every window, any skip."""

from __future__ import annotations

import random

from service.tagging.modality import CueSet

PHRASES = ["not", "no longer", "the two sides", "the two leaders", "both sides", "call off", "if"]
WORDS = ["the", "two", "sides", "leaders", "not", "no", "longer", "call", "off", "if", "both", "x"]


def _at(phrases: list[tuple[str, ...]], toks: list[str], i: int) -> int:
    return max((len(p) for p in phrases if tuple(toks[i : i + len(p)]) == p), default=0)


def _any_in(
    phrases: list[tuple[str, ...]], toks: list[str], lo: int, hi: int, a: int, b: int
) -> bool:
    for i in range(max(lo, 0), min(hi, len(toks))):
        n = _at(phrases, toks, i)
        if n and (a == b or not (a <= i < b or a < i + n <= b)):
            return True
    return False


def test_cue_lookups_match_a_plain_scan() -> None:
    cues = CueSet(PHRASES)
    CueSet(["unrelated words"])  # a later cue set widens the shared index; answers stay
    phrases = [tuple(p.split()) for p in PHRASES]
    rng = random.Random(7)
    for _ in range(400):
        toks = [rng.choice(WORDS) for _ in range(rng.randint(0, 14))]
        want = [i for i in range(len(toks)) if _at(phrases, toks, i)]
        got = [i for i in cues._positions(toks) if cues.at(toks, i)]
        assert got == want, toks
        for _ in range(6):
            lo, hi = rng.randint(-2, 15), rng.randint(-2, 16)
            a = rng.randint(0, 14)
            b = a if rng.random() < 0.4 else a + rng.randint(1, 3)
            assert cues.any_in(toks, lo, hi, (a, b)) == _any_in(phrases, toks, lo, hi, a, b), (
                toks,
                lo,
                hi,
                (a, b),
            )
