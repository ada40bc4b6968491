"""Records built as drafts (see contracts.draft_class) are the frozen dataclasses themselves."""

from __future__ import annotations

import dataclasses
import pickle

import orjson
import pytest

from service.contracts import Article, parse_article
from service.pipeline import Enriched, Pipeline
from service.tagging import load_tagger


def test_a_parsed_article_is_a_frozen_article() -> None:
    raw = orjson.dumps({"id": "a", "body": "b", "title": "T", "language": "EN"})
    article = parse_article(raw, 1000)
    assert type(article) is Article
    assert article == Article("a", "b", "T", "en", orjson.loads(raw))
    assert repr(article) == repr(Article("a", "b", "T", "en", orjson.loads(raw)))
    assert pickle.loads(pickle.dumps(article)) == article
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.id = "b"  # type: ignore[misc]


def test_an_enriched_outcome_is_a_frozen_enriched() -> None:
    outcome = Pipeline(load_tagger(), 1000, True).process(b'{"id": "e", "body": "Trump"}')
    assert type(outcome) is Enriched
    fields = {f.name: getattr(outcome, f.name) for f in dataclasses.fields(Enriched)}
    assert outcome == Enriched(**fields)
    assert outcome.key == b"e" and outcome.article.id == "e"
    with pytest.raises(dataclasses.FrozenInstanceError):
        outcome.key = b"x"  # type: ignore[misc]
