"""Parsing and serialising compiled by mypyc (service/native.py) keep the records' behaviour."""

from __future__ import annotations

import pickle
from typing import Any, ClassVar

import orjson

from service.contracts import Article, parse_article
from service.pipeline import Enriched, Pipeline, Rejected
from service.tagging import load_tagger


def test_records_pickle_back_to_equal_records() -> None:
    raw = orjson.dumps({"id": "a", "body": "Trump", "metadata": {"n": [1, 2.5]}})
    article = parse_article(raw, 1000)
    assert pickle.loads(pickle.dumps(article)) == article
    outcome = Pipeline(load_tagger(), 1000, True).process(raw)
    assert type(outcome) is Enriched
    again = pickle.loads(pickle.dumps(outcome))
    assert type(again) is Enriched and again == outcome and type(again.article) is Article


def test_each_failure_keeps_its_own_exception_type() -> None:
    class Broken:
        info: ClassVar[dict[str, str]] = {"name": "broken"}

        def tag(self, article_id: str, body: str, title: str = "") -> tuple[list[Any], list[Any]]:
            raise RuntimeError("boom")

    pipeline = Pipeline(Broken(), 1000, True)
    bad = pipeline.process(b"{")
    assert isinstance(bad, Rejected) and bad.error.error_class == "invalid_json"
    bug = pipeline.process(b'{"id": "a", "body": "x"}')
    assert isinstance(bug, Rejected) and bug.error.message == "RuntimeError: boom"
    deep = b'{"id":"a","body":"x","language":"de","metadata":' + b"[" * 300 + b"]" * 300 + b"}"
    too_deep = pipeline.process(deep)
    assert isinstance(too_deep, Rejected) and too_deep.error.error_class == "schema"
