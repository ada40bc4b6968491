"""NameFinder.find tells a body's dateline end as dateline_end finds it (Tagger.tag reads it)."""

from __future__ import annotations

from service.tagging import load_tagger
from service.tagging.text import sentences, tokenize_sentences

BODIES = [
    "LIMA, Feb 12 (Andes Wire) - Peru's Commerce Ministry said on Monday ...",
    "KUNMING, China, Oct 3 - Officials met.",
    "KYIV (Reuters) - Ukraine said.",
    "BREAKING - nothing filed from anywhere.",
    "NATO - talks went on.",
    "No dateline here at all.",
    "",
]


def test_find_tells_the_dateline_end() -> None:
    tagger = load_tagger()
    names, base = tagger.names, tagger.gaz.surnames
    assert names.dateline_end(BODIES[0]) > 0
    for body in BODIES:
        sents = sentences(body)
        cut: list[int] = []
        names.find("body", body, sents, tokenize_sentences(body, sents), base, False, cut)
        assert (cut[0] if cut else 0) == names.dateline_end(body), body
