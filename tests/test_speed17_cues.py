"""Cue searches among a text's words, by the bits the word table keeps, match the regex."""

from __future__ import annotations

import random

from service.tagging.text import WordCues, sentences, tokenize_sentences

WORDS = ["said", "the", "talks", "he", "it's", "don’t", "rock'n'roll", "and", "on", "x9", "%"]
WORDS += ["Said", "who", "with", "after", "before", "while", "would", "it", "s", "t", "don"]
GAPS = [" ", "  ", ", ", ". ", "\n", "-", " ’", "'"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) + rng.choice(GAPS) for _ in range(rng.randrange(1, 24)))


def _regex_search(cues: WordCues, text: str, pos: int, end: int) -> tuple[int, int] | None:
    m = cues.regex.search(text, pos, end)
    return None if m is None else m.span()


def _span(hit: object) -> tuple[int, int] | None:
    return None if hit is None else hit.span()  # type: ignore[attr-defined]


def test_word_searches_match_the_regex_including_lists_made_after_the_scan() -> None:
    rng = random.Random(17)
    lists = [
        WordCues(["said", "would", "it"]),
        WordCues(["after", "before", "while", "with"]),
        WordCues(["the talks", "the", "rock", "and on"]),
    ]
    for round_ in range(300):
        text = _text(rng)
        tokenize_sentences(text, sentences(text))
        if round_ % 50 == 0:
            # a list made after the text was split: its words' bits are not in the text's masks
            lists.append(WordCues(["don", "t", f"x{round_}", "who"]))
        for cues in lists:
            for _ in range(8):
                pos = rng.randrange(len(text) + 1)
                end = rng.randrange(pos, len(text) + 2)
                got = _span(cues.search(text, pos, end))
                assert got == _regex_search(cues, text, pos, min(end, len(text))), (text, pos)
