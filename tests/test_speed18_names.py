"""The name finder's look-up of words taken by a mention found already (speed18): the span
moved on along the mentions answers as a mark per character of the text did."""

from __future__ import annotations

import random

from service.tagging.entities import Mention, _Runs
from service.tagging.gazetteer import Entry

_E = Entry("org:x", "ORG", "X", None)


def _mentions(rng: random.Random, n: int) -> list[Mention]:
    """Mentions in order of their starts, some overlapping, some touching."""
    out: list[Mention] = []
    pos = 0
    while pos < n and len(out) < 12:
        start = pos + rng.randrange(0, 6)
        end = start + rng.randrange(1, 12)
        out.append(Mention("body", start, min(end, n), "x", _E))
        pos = start + rng.randrange(0, 3)
    return [m for m in out if m.start < m.end]


def test_the_taken_span_answers_as_a_mark_per_character() -> None:
    rng = random.Random(18)
    for _ in range(2000):
        n = rng.randrange(1, 60)
        taken = _mentions(rng, n)
        mask = [False] * n
        for m in taken:
            for p in range(m.start, m.end):
                mask[p] = True
        runs = _Runs("x" * n, taken, frozenset())
        asked = sorted(rng.sample(range(n), rng.randrange(0, n + 1)))
        assert [runs._is_taken(s) for s in asked] == [mask[s] for s in asked], (taken, asked)
