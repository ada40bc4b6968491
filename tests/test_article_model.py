"""The article model (service/tagging/classifier.py): whether an article holds nothing to find.

Small models are written here by hand, so each test knows what an article must score; the
built-in one is asked about two texts written for these tests, one a match report full of
war words and one a diplomatic story of the same length, and for what it was trained on."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from service import training
from service.tagging import RulesError, check_rules, load_tagger
from service.tagging import text as text_module
from service.tagging.classifier import ArticleModel, article_features
from service.tagging.rules import load_rules
from service.tagging.text import clean, sentences, stem, tokenize_sentences

# A story the rules find a tariff in, in the words of a farming show (the stems the model
# below weighs: "show", "prize" and "pumpkin").
SHOW_TITLE = "Chile imposes tariff on Peruvian steel"
SHOW_BODY = "Chile imposed a 20% tariff on Peruvian steel at the pumpkin show, the prize jury said."


def fields(title: str, body: str) -> list[list[Any]]:
    """An article's tokens, field by field, as the tagger makes them."""
    out = []
    for text in (title, body):
        t = clean(text)
        out.append(tokenize_sentences(t, sentences(t)))
    return out


def own(tmp_path: Path, **section: Any) -> Path:
    (tmp_path / "article.json").write_text(json.dumps({"article_model": section}))
    return tmp_path


SHOWY = {"bias": -4.0, "weights": {stem("pumpkin"): 3.0, stem("show"): 1.0, stem("prize"): 1.0}}


def test_each_distinct_stem_counts_once() -> None:
    m = ArticleModel({"threshold": 0.5, **SHOWY})
    once = m.score_fields(fields("", "Pumpkin show."))
    twice = m.score_fields(fields("Pumpkin show", "Pumpkin show, pumpkin show."))
    assert once == twice == (0.0, 2)  # -4 + 3 + 1, two known stems


def test_scoring_tokens_equals_scoring_the_stem_set() -> None:
    m = ArticleModel({"threshold": 0.5, **SHOWY})
    f = fields(SHOW_TITLE, SHOW_BODY)
    score, known = m.score_fields(f)
    assert score == m.score(article_features(f)) == 1.0
    assert known == 3
    assert m.score_fields(f) == (score, known)  # a second article scores the same


def test_two_models_on_the_same_words_each_keep_their_own_look_ups(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A word's look-up is kept on the tokeniser's word (text._Word), for one table at a
    time: two models scoring the same words in turn each see their own weights, and the
    weighed words stand only in later sentences (found from each sentence's ``first``)."""
    monkeypatch.setattr(text_module, "COMPILED", True)  # (the kept words, in Python too)
    a = ArticleModel({"threshold": 0.5, **SHOWY})
    b = ArticleModel({"threshold": 0.5, "bias": 0.0, "weights": {stem("steel"): 2.0}})
    f = fields("Officials were calm", "Officials were calm today. " + SHOW_BODY)
    assert all(t.kept is not None for field in f for t in field)  # the kept path is taken
    assert f[1][1].first > 0
    for _ in range(2):
        assert a.score_fields(f) == (a.score(article_features(f)), 3) == (1.0, 3)
        assert b.score_fields(f) == (2.0, 1)


def test_an_article_above_the_threshold_keeps_its_entities_and_loses_its_events(
    tmp_path: Path,
) -> None:
    off = load_tagger(own(tmp_path, threshold=1.0))
    ents, events = off.tag("a", SHOW_BODY, SHOW_TITLE)
    assert {e["type"] for e in events} == {"TARIFF_ACTION"}
    tagger = load_tagger(own(tmp_path, threshold=0.6, **SHOWY))  # logit 1.0 > logit(0.6)
    ents_on, events_on = tagger.tag("a", SHOW_BODY, SHOW_TITLE)
    assert events_on == [] and ents_on == ents
    plain = SHOW_BODY.replace(" at the pumpkin show, the prize jury said", "")
    assert tagger.tag("b", plain, SHOW_TITLE)[1] != []  # -4 + nothing: far under


def test_a_text_with_too_few_known_stems_is_not_judged(tmp_path: Path) -> None:
    tagger = load_tagger(own(tmp_path, threshold=0.6, min_stems=4, **SHOWY))
    assert tagger.tag("a", SHOW_BODY, SHOW_TITLE)[1] != []  # 3 known stems, 4 needed
    m = ArticleModel({"threshold": 0.6, "min_stems": 3, **SHOWY})
    assert m.nothing_to_find(fields(SHOW_TITLE, SHOW_BODY))


def test_a_threshold_of_one_or_no_weights_turn_the_model_off() -> None:
    assert not ArticleModel({"threshold": 1.0, **SHOWY}).on
    assert not ArticleModel({"threshold": 0.5}).on
    assert not ArticleModel({}).nothing_to_find(fields(SHOW_TITLE, SHOW_BODY))


def test_a_file_of_settings_alone_keeps_the_built_in_weights(tmp_path: Path) -> None:
    built = load_rules()["article_model"]
    merged = load_rules(own(tmp_path, threshold=0.9))["article_model"]
    assert merged["weights"] == built["weights"] and merged["threshold"] == 0.9
    mine = load_rules(own(tmp_path, threshold=0.6, **SHOWY))["article_model"]
    assert mine == {"threshold": 0.6, **SHOWY}  # one's own: no built-in weight or setting
    assert load_tagger(own(tmp_path, threshold=0.6, **SHOWY)).article_model.on


@pytest.mark.parametrize(
    ("section", "needle"),
    [
        ({"threshold": 0}, "threshold"),
        ({"threshold": 1.5}, "threshold"),
        ({"bias": "low"}, "bias"),
        ({"min_stems": -1}, "min_stems"),
        ({"min_stems": 2.5}, "min_stems"),
        ({"threshold": 0.5, "weights": {"two words": 1.0}}, "single lower-case stem"),
        ({"threshold": 0.5, "weights": {"Capital": 1.0}}, "single lower-case stem"),
        ({"threshold": 0.5, "weights": {"a": 10**400}}, "single lower-case stem"),
        ({"threshold": 0.5, "weights": []}, "weights"),
        ({"weights": {"a": 1.0}}, "needs its threshold"),
        ({"treshold": 1.0}, "unknown keys"),
        ([], "expected an object"),
    ],
)
def test_a_bad_article_model_gives_a_clear_error(tmp_path: Path, section: Any, needle: str) -> None:
    (tmp_path / "m.json").write_text(json.dumps({"article_model": section}))
    with pytest.raises(RulesError, match=needle):
        load_tagger(tmp_path)
    assert check_rules(tmp_path)


# --- the built-in model ----------------------------------------------------------------------

MATCH_TITLE = "Brazil edge Argentina in bruising qualifier as coach warns of fines"
MATCH_BODY = (
    "RIO DE JANEIRO, March 26 - Brazil beat Argentina 2-1 in a bruising World Cup qualifier on"
    " Tuesday night, with two late goals ending a run of three matches without a win. Argentina"
    " launched a fierce attack in the opening minutes and their striker hit the post twice"
    " before half-time. Brazil's coach said his players had shown character after the break and"
    " praised the crowd of 70,000. Argentina's coach criticised the referee, saying two penalty"
    " decisions had cost his side the match, and warned that the federation could face"
    " sanctions from FIFA after fans threw flares onto the pitch. Uruguay and Colombia drew 0-0"
    " in Montevideo, leaving Ecuador top of the standings on goal difference. Brazil travel to"
    " Lima to face Peru on Sunday, while Argentina host Chile in Buenos Aires."
)
TALKS_TITLE = "Brazil and Argentina agree to resume talks on border trade as tariffs bite"
TALKS_BODY = (
    "BRASILIA, March 26 - Brazil and Argentina agreed on Tuesday to resume talks on cross-border"
    " trade after a month-long dispute over Argentine tariffs on Brazilian cars, the two foreign"
    " ministries said. Brazil's foreign minister spoke by phone with his Argentine counterpart"
    " and said both governments wanted a deal before the Mercosur summit in June. Argentina"
    " imposed a 15% duty on imported cars in February, and Brazil warned it could retaliate"
    " with tariffs on Argentine wheat. Uruguay offered to host the negotiations in Montevideo."
    " Chile and Peru, which are not members of the bloc, urged both sides to avoid a trade war"
    " that could hurt the whole region."
)


# A home-affairs story with a minister in it: the off-topic cue counts let it through (two
# events), and the built-in model judges it likely, not surely, empty.
VETS_TITLE = "Harbourside Vets raises consultation fees as talks with pet insurers stall"
VETS_BODY = (
    "Harbourside Vets, which runs 38 surgeries across Devon and Cornwall, said on Thursday that"
    " it would raise its standard consultation fee by 12% from June, blaming higher staff and"
    " drug costs. The group said talks with two pet insurers over a new fee schedule had"
    " stalled but were continuing, and that it hoped to reach an agreement before the summer."
    " A spokesman for one of the insurers declined to comment. Harbourside rejected claims from"
    " customers that it was exploiting a shortage of vets in rural areas. Several owners"
    " criticised the increase on local social media. The Royal College of Veterinary Surgeons"
    " said it did not set prices but could sanction practices that failed to show fees"
    " clearly. The health minister said the government had no plans to regulate veterinary"
    " prices, though the competition regulator is reviewing the market."
)


def built_in_probability(title: str, body: str) -> float:
    score, _ = load_tagger().article_model.score_fields(fields(title, body))
    return 1 / (1 + math.exp(-score))


def test_the_built_in_model_tells_a_match_report_from_a_trade_story() -> None:
    """Its judgement of two texts it never saw (the rules' cue counts empty the report too)."""
    match = built_in_probability(MATCH_TITLE, MATCH_BODY)
    talks = built_in_probability(TALKS_TITLE, TALKS_BODY)
    threshold = load_rules()["article_model"]["threshold"]
    assert match > threshold > 0.5 > talks
    assert load_tagger().tag("t", TALKS_BODY, TALKS_TITLE)[1] != []


def test_the_built_in_weights_empty_an_article_the_rules_let_through(tmp_path: Path) -> None:
    """The tagger asks the built-in model: with its weights kept and the threshold set under
    the story's score, the events the rules found go; at the built-in threshold they stay."""
    p = built_in_probability(VETS_TITLE, VETS_BODY)
    assert 0.6 < p < load_rules()["article_model"]["threshold"]
    assert load_tagger().tag("v", VETS_BODY, VETS_TITLE)[1] != []
    lower = load_tagger(own(tmp_path, threshold=0.6))
    ents, events = lower.tag("v", VETS_BODY, VETS_TITLE)
    assert events == [] and ents == load_tagger().tag("v", VETS_BODY, VETS_TITLE)[0]


def test_the_built_in_model_was_trained_on_todays_training_files() -> None:
    """Retrain (`make model`) whenever a labelled set is added or changed."""
    files, spec = training.training_files(training.DEFAULT_LIST)
    built = load_rules()["article_model"]
    assert built["trained_on"] == [p.name for p in files]
    assert built["data_sha256"] == training.data_digest(files)
    assert set(built["held_out"]) == set(spec["held_out"])
    assert not set(built["trained_on"]) & set(spec["held_out"])


def test_article_samples_are_labelled_by_whether_gold_holds_events() -> None:
    arts = [
        {"title": "Fair", "body": "The pumpkin show.", "gold": {"events": []}},
        {"title": "", "body": "Chile imposed a tariff.", "gold": {"events": [{"type": "X"}]}},
    ]
    got = list(training.article_samples(arts))
    assert got == [({stem("fair"), "the", stem("pumpkin"), "show"}, True), (got[1][0], False)]
    assert stem("tariff") in got[1][0]


def test_training_learns_the_words_of_articles_with_nothing_to_find() -> None:
    pytest.importorskip("sklearn")
    data = [({"match", "goal", "said"}, True) for _ in range(20)]
    data += [({"minister", "tariff", "said"}, False) for _ in range(20)]
    fitted = training.fit_articles(data, c=1.0, min_weight=0.0)
    w = fitted["weights"]
    assert w["goal"] > 0 > w["minister"]
    m = ArticleModel({"threshold": 0.8, **fitted})
    assert m.score({"match", "goal", "said"}) > math.log(4) > m.score({"minister", "tariff"})
