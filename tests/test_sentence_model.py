"""The sentence model (service/tagging/classifier.py) and its training (service/training.py).

Small models are written here by hand, so each test knows what a sentence must score; the
built-in model is checked for what it was trained on, not for what it finds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from service import training
from service.tagging import RulesError, check_rules, load_tagger
from service.tagging.classifier import SentenceModel, features
from service.tagging.patterns import Match
from service.tagging.rules import DATA_DIR, load_rules
from service.tagging.text import stem

KNOWN = frozenset({"CRITICISM", "TARIFF_ACTION", "TARIFF_THREAT", "PEACE_TALKS"})


def model(types: dict[str, Any], **settings: float) -> SentenceModel:
    return SentenceModel({"threshold": 0.5, **settings, "types": types}, KNOWN)


SCOLD = {"CRITICISM": {"bias": -2.0, "weights": {"scold": 3.0, "very harsh": 1.5}}}


def test_features_are_stems_and_adjacent_pairs() -> None:
    assert features(["a", "b", "c"]) == ["a", "b", "c", "a b", "b c"]
    assert features([]) == []


def test_a_type_above_its_threshold_is_matched_on_its_weightiest_word() -> None:
    found = model(SCOLD).matches(["they", "scold", "us"], [])
    assert [(m.etype, m.first, m.last) for m in found] == [("CRITICISM", 1, 1)]


def test_a_pair_can_be_the_trigger_and_a_score_below_the_threshold_is_nothing() -> None:
    m = model({"CRITICISM": {"bias": -1.0, "weights": {"scold": 0.6, "very harsh": 1.5}}})
    hit = m.matches(["a", "very", "harsh", "scold"], [])
    assert [(x.first, x.last) for x in hit] == [(1, 2)]
    assert model(SCOLD).matches(["a", "very", "harsh", "word"], []) == []  # -2 + 1.5 < 0


def test_negative_weights_count() -> None:
    types = {"CRITICISM": {"bias": -2.0, "weights": {"scold": 3.0, "match": -2.0}}}
    assert model(types).matches(["fans", "scold", "the", "match"], []) == []


def test_a_rule_match_of_the_family_keeps_the_model_out() -> None:
    types = {"TARIFF_ACTION": {"bias": -1.0, "weights": {"levy": 3.0}}}
    rule = Match("TARIFF_THREAT", 0, 0, 2)
    assert model(types).matches(["levy"], [rule]) == []
    other = Match("PEACE_TALKS", 0, 0, 2)
    assert [m.etype for m in model(types).matches(["levy"], [other])] == ["TARIFF_ACTION"]


def test_beside_a_rule_match_the_stricter_threshold_holds() -> None:
    # score 0.5: p = 0.62, above 0.5 alone, under 0.8 beside a rule's match
    types = {"CRITICISM": {"bias": -1.0, "weights": {"scold": 1.5}}}
    m = model(types, threshold_beside_rules=0.8)
    assert m.matches(["scold"], []) != []
    assert m.matches(["scold"], [Match("PEACE_TALKS", 0, 0, 1)]) == []


def test_only_types_a_strong_word_points_at_are_scored() -> None:
    types = {"CRITICISM": {"bias": -1.0, "weights": {"a": 0.8, "b": 0.8, "c": 0.8}}}
    assert model(types).matches(["a", "b", "c"], []) != []  # 1.4 > 0
    assert model(types, gate=1.0).matches(["a", "b", "c"], []) == []


def test_a_threshold_of_one_turns_the_model_off() -> None:
    assert not SentenceModel({"threshold": 1.0, "types": SCOLD}, KNOWN).on
    assert SentenceModel({"threshold": 0.5, "types": SCOLD}, KNOWN).on
    assert not SentenceModel({}, KNOWN).on


def test_model_events_are_built_like_rule_events(tmp_path: Path) -> None:
    """A user's model through GEOPULSE_RULES_DIR: its word makes an event, with actors and
    targets from the same code as a rule's; with the model off the sentence holds none."""
    body = (
        "Chile imposed a 20% tariff on Peruvian steel on Monday. Chile grumbled about Peru's"
        " fishing fleet off the coast, its foreign ministry said."
    )
    (tmp_path / "off.json").write_text(json.dumps({"sentence_model": {"threshold": 1.0}}))
    _, events = load_tagger(tmp_path).tag("m", body)
    assert [e["type"] for e in events] == ["TARIFF_ACTION"]
    own = {"threshold": 0.5, "types": {"CRITICISM": {"bias": -1.0, "weights": {"grumbl": 3}}}}
    (tmp_path / "off.json").write_text(json.dumps({"sentence_model": own}))
    _, events = load_tagger(tmp_path).tag("m", body)
    (ev,) = [e for e in events if e["type"] == "CRITICISM"]
    assert ev["trigger"]["text"] == "grumbled"
    assert ev["actors"] == ["country:CHL"] and "country:PER" in ev["targets"]
    assert ev["confidence"] == 0.5  # under any rule's (0.6 and up)


def test_an_article_only_the_model_finds_events_in_keeps_none(tmp_path: Path) -> None:
    own = {"threshold": 0.5, "types": {"CRITICISM": {"bias": -1.0, "weights": {"grumbl": 3}}}}
    (tmp_path / "m.json").write_text(json.dumps({"sentence_model": own}))
    tagger = load_tagger(tmp_path)
    alone = "Chile grumbled about Peru's fishing fleet."
    assert tagger.tag("a", alone)[1] == []
    story = alone + " Chile imposed a 20% tariff on Peruvian steel on Monday."
    assert {e["type"] for e in tagger.tag("b", story)[1]} == {"CRITICISM", "TARIFF_ACTION"}


@pytest.mark.parametrize(
    ("section", "needle"),
    [
        ({"threshold": 0}, "threshold"),
        ({"threshold_beside_rules": 1.5}, "threshold_beside_rules"),
        ({"gate": "high"}, "gate"),
        ({"types": {"CRITICISM": {"bias": "x", "weights": {}}}}, "bias"),
        ({"types": {"CRITICISM": {"bias": 0, "weights": {"a b c": 1}}}}, "one or two stems"),
        ({"types": {"CRITICISM": {"bias": 0, "weights": {"a": True}}}}, "one or two stems"),
        ({"types": {"NOT_A_TYPE": {"bias": 0, "weights": {}}}}, "not a defined event type"),
        ([], "expected an object"),
    ],
)
def test_a_bad_model_section_gives_a_clear_error(tmp_path: Path, section: Any, needle: str) -> None:
    (tmp_path / "m.json").write_text(json.dumps({"sentence_model": section}))
    with pytest.raises(RulesError, match=needle):
        load_tagger(tmp_path)
    assert check_rules(tmp_path)


# --- the built-in model ----------------------------------------------------------------------


def test_the_built_in_model_was_trained_on_todays_training_files() -> None:
    """Retrain (`make model`) whenever a labelled set is added or changed: the model names the
    digest of the data it was fitted to."""
    listing = training.DEFAULT_LIST
    files, spec = training.training_files(listing)
    built = load_rules()["sentence_model"]
    assert built["trained_on"] == [p.name for p in files]
    assert built["data_sha256"] == training.data_digest(files)
    assert set(built["held_out"]) == set(spec["held_out"])
    assert not set(built["trained_on"]) & set(spec["held_out"])
    assert (DATA_DIR / "sentence_model.json").is_file()


def test_the_held_out_sets_exist_and_are_kept_out_of_training() -> None:
    files, spec = training.training_files(training.DEFAULT_LIST)
    names = {p.name for p in files}
    for held in spec["held_out"]:
        assert (training.DEFAULT_LIST.parent / held).is_file()
        assert held not in names


def test_samples_are_labelled_by_the_sentences_their_events_are_in() -> None:
    body = "Chile grumbled. Peru imposed a tariff."
    art = {
        "title": "",
        "body": body,
        "gold": {"events": [{"type": "TARIFF_ACTION", "sentence": {"start": 16, "end": 38}}]},
    }
    got = [(s.feats[:2], s.types) for s in training.samples([art])]
    chile, peru = [stem("chile"), stem("grumbled")], [stem("peru"), stem("imposed")]
    assert got == [(chile, set()), (peru, {"TARIFF_ACTION"})]


def test_training_learns_a_word_that_marks_a_type() -> None:
    pytest.importorskip("sklearn")
    data = [training.Sample(["they", "grumbl", "again"], {"CRITICISM"}) for _ in range(20)]
    data += [training.Sample(["they", "met", "again"], set()) for _ in range(20)]
    types = training.fit(data, c=1.0, min_count=2, max_share=1.0)
    weights = types["CRITICISM"]["weights"]
    assert weights.get("grumbl", 0) > 0
    learnt = SentenceModel({"threshold": 0.5, "types": types}, frozenset({"CRITICISM"}))
    assert [m.etype for m in learnt.matches(["they", "grumbl"], [])] == ["CRITICISM"]
    assert learnt.matches(["they", "met"], []) == []
