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
from service.tagging import text as text_module
from service.tagging.classifier import SentenceModel, features
from service.tagging.patterns import Match
from service.tagging.rules import DATA_DIR, load_rules
from service.tagging.text import clean, sentences, stem, tokenize_sentences

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


def test_on_a_word_the_types_rules_anchor_on_the_foreseen_thresholds_hold() -> None:
    """Where the weightiest word (or either word of the weightiest pair) is one a rule of the
    type anchors on, the rules saw it and held back: the model then needs
    ``threshold_foreseen`` (beside a rule's match, ``threshold_foreseen_beside_rules``); a
    word no rule of the type anchors on does not."""
    types = {
        "CRITICISM": {
            "bias": -1.0,
            "weights": {"scold": 1.5, "rebuke": 1.5, "mild": 0.3, "loud": 1.2, "sharp word": 1.5},
        }
    }
    settings = {"threshold": 0.5, "threshold_foreseen": 0.7, "types": types}
    anchors = {
        "CRITICISM": frozenset({"scold", "mild", "word"}),
        "PEACE_TALKS": frozenset({"rebuke"}),
    }
    m = SentenceModel(settings, KNOWN, anchors)
    assert m.matches(["scold"], []) == []  # p 0.62: foreseen, under 0.7
    assert [x.etype for x in m.matches(["rebuke"], [])] == ["CRITICISM"]  # another type's
    # p 0.62 again, but the weightiest word "loud" is no anchor: the lower threshold holds
    assert [(x.first, x.last) for x in m.matches(["mild", "loud"], [])] == [(1, 1)]
    # a pair whose second word is an anchor is foreseen (p 0.62)
    assert m.matches(["sharp", "word"], []) == []
    strong = {"CRITICISM": {"bias": -1.0, "weights": {"scold": 2.5}}}  # p 0.82
    beside = [Match("PEACE_TALKS", 0, 0, 1)]
    sure = SentenceModel({**settings, "types": strong}, KNOWN, anchors)
    assert [x.etype for x in sure.matches(["scold"], [])] == ["CRITICISM"]
    stricter = {**settings, "types": strong, "threshold_foreseen_beside_rules": 0.9}
    assert SentenceModel(stricter, KNOWN, anchors).matches(["scold"], beside) == []
    # without the settings the anchors change nothing (a model of one's own, as before)
    assert SentenceModel({"threshold": 0.5, "types": types}, KNOWN, anchors).matches(["scold"], [])


def test_the_built_in_tagger_guards_the_words_its_rules_anchor_on() -> None:
    """The tagger hands the model each type's anchor words, so an other-sense use the rules
    turn down ("designated targets" in a war story) stays down, though the model alone
    scores it above ``threshold``: only ``threshold_foreseen`` keeps it out."""
    tagger = load_tagger()
    model = tagger.events.model
    k = model.types.index("SANCTIONS_ACTION")
    assert stem("designated") in model.foreseen[k]
    body = "Moscow said all designated targets were hit."
    toks = tokenize_sentences(clean(body), sentences(clean(body)))[0]
    score = model.bias[k] + sum(
        w for i, s in enumerate(toks.stems) for w in _weights(model, toks.stems, i, k)
    )
    assert model.cut < score <= model.cut_seen  # the guard, not the threshold, decides
    assert "SANCTIONS_ACTION" not in {e["type"] for e in tagger.tag("t", body)[1]}


def _weights(model: SentenceModel, stems: list[str], i: int, k: int) -> list[float]:
    """Type k's weights of the word at i and of the pair it starts."""
    f = model.table.get(stems[i])
    if f is None:
        return []
    out = [f.ws[k]]
    if f.next is not None and i + 1 < len(stems) and stems[i + 1] in f.next:
        out.append(f.next[stems[i + 1]].ws[k])
    return out


def test_scoring_kept_words_equals_scoring_the_stems(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model keeps a word's look-up on the tokeniser's word (text._Word) for its own
    table only: two models on the same tokens, in turn, each find what they find from the
    stems alone, in a later sentence too (its words are found at ``first`` on)."""
    monkeypatch.setattr(text_module, "COMPILED", True)  # (the kept words, in Python too)
    text = clean("Officials in Oslo were calm today. They scold the very harsh levy.")
    sents = tokenize_sentences(text, sentences(text))
    assert all(t.kept is not None for t in sents) and sents[1].first > 0
    levy = {"TARIFF_ACTION": {"bias": -1.0, "weights": {stem("levy"): 3.0}}}
    for _ in range(2):
        for m in (model(SCOLD), model(levy)):
            for t in sents:
                plain = [(x.etype, x.first, x.last) for x in m.matches(t.stems, [])]
                kept = m.matches(t.stems, [], t.kept, t.first)
                assert [(x.etype, x.first, x.last) for x in kept] == plain
    later = model(levy).matches(sents[1].stems, [], sents[1].kept, sents[1].first)
    assert [(x.first, x.last) for x in later] == [(5, 5)]
    assert model(levy).matches(sents[0].stems, [], sents[0].kept, sents[0].first) == []


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
    assert ev["confidence"] == 0.4  # under any rule's (0.6 and up) and a reference's (0.5)


def test_an_article_only_the_model_finds_events_in_keeps_none(tmp_path: Path) -> None:
    own = {"threshold": 0.5, "types": {"CRITICISM": {"bias": -1.0, "weights": {"grumbl": 3}}}}
    (tmp_path / "m.json").write_text(json.dumps({"sentence_model": own}))
    tagger = load_tagger(tmp_path)
    alone = "Chile grumbled about Peru's fishing fleet."
    assert tagger.tag("a", alone)[1] == []
    story = alone + " Chile imposed a 20% tariff on Peruvian steel on Monday."
    assert {e["type"] for e in tagger.tag("b", story)[1]} == {"CRITICISM", "TARIFF_ACTION"}


def test_a_reference_is_no_model_event_and_a_model_event_no_reference(tmp_path: Path) -> None:
    """A rule's reference to an earlier event ("the tariffs") stands with the model off, and
    a model's event takes its actor from its own sentence, not from the event before."""
    (tmp_path / "off.json").write_text(json.dumps({"sentence_model": {"threshold": 1.0}}))
    body = (
        "New tariffs were imposed on imported steel on Monday. Canada said the tariffs would hurt."
    )
    events = load_tagger(tmp_path).tag("r", body)[1]
    assert [(e["type"], e["actors"]) for e in events] == [("TARIFF_ACTION", ["country:CAN"])]
    own = {"threshold": 0.5, "types": {"CRITICISM": {"bias": -1.0, "weights": {"grumbl": 3}}}}
    (tmp_path / "off.json").write_text(json.dumps({"sentence_model": own}))
    body = "Chile criticised Peru over its fishing fleet. Argentina grumbled about Brazil's fleet."
    events = load_tagger(tmp_path).tag("r", body)[1]
    assert [(e["actors"], e["targets"]) for e in events] == [
        (["country:CHL"], ["country:PER"]),
        (["country:ARG"], ["country:BRA"]),
    ]


def test_story_events_drawn_from_model_events_alone_are_dropped_too(tmp_path: Path) -> None:
    types = {
        "TARIFF_ACTION": {"bias": -1.0, "weights": {"zorbl": 3}},
        "DIPLOMATIC_CONTACT": {"bias": -1.0, "weights": {"frob negotiat": 3}},
    }
    model = {"threshold": 0.5, "types": types}
    (tmp_path / "m.json").write_text(json.dumps({"sentence_model": model}))
    body = "Chile zorbled Peruvian steel. Chile and Peru frobbed negotiating in Lima on Friday."
    assert load_tagger(tmp_path).tag("s", body)[1] == []


def test_a_file_of_thresholds_alone_keeps_the_model_and_raises_both(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text(json.dumps({"sentence_model": {"threshold": 0.9}}))
    merged = load_rules(tmp_path)["sentence_model"]
    assert merged["types"] == load_rules()["sentence_model"]["types"]
    m = SentenceModel(merged, frozenset(merged["types"]))
    assert m.cut_beside >= m.cut > 2.0  # logit(0.9) = 2.2, beside never looser


def test_a_model_of_ones_own_inherits_none_of_the_built_in_settings(tmp_path: Path) -> None:
    weak = {"CRITICISM": {"bias": -1.0, "weights": {"a": 0.4, "b": 0.4, "c": 0.4, "d": 0.4}}}
    (tmp_path / "m.json").write_text(
        json.dumps({"sentence_model": {"threshold": 0.5, "types": weak}})
    )
    merged = load_rules(tmp_path)["sentence_model"]
    assert "gate" not in merged and "trained_on" not in merged
    own = SentenceModel({"threshold": 0.5, **merged}, frozenset(weak))
    assert own.matches(["a", "b", "c", "d"], []) != []


@pytest.mark.parametrize(
    ("section", "needle"),
    [
        ({"threshold": 0}, "threshold"),
        ({"gate": 10**400}, "gate"),
        (
            {"threshold": 0.5, "types": {"CRITICISM": {"bias": 0, "weights": {"a": 10**400}}}},
            "one or two stems",
        ),
        ({"threshold_beside_rules": 1.5}, "threshold_beside_rules"),
        ({"gate": "high"}, "gate"),
        ({"threshold": 0.5, "types": {"CRITICISM": {"bias": "x", "weights": {}}}}, "bias"),
        (
            {"threshold": 0.5, "types": {"CRITICISM": {"bias": 0, "weights": {"a b c": 1}}}},
            "one or two stems",
        ),
        (
            {"threshold": 0.5, "types": {"CRITICISM": {"bias": 0, "weights": {"a": True}}}},
            "one or two stems",
        ),
        (
            {"threshold": 0.5, "types": {"NOT_A_TYPE": {"bias": 0, "weights": {}}}},
            "not a defined event type",
        ),
        ({"types": {"CRITICISM": {"bias": 0, "weights": {}}}}, "needs its threshold"),
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


def test_every_written_set_is_trained_on_or_held_out_by_choice() -> None:
    """A new set is neither swallowed into training nor forgotten: it must be listed."""
    spec = json.loads(training.DEFAULT_LIST.read_text(encoding="utf-8"))
    train, held = set(spec["train"]), set(spec["held_out"])
    on_disk = {p.name for p in training.DEFAULT_LIST.parent.glob("written_*.jsonl")}
    assert not train & held
    assert train | held == on_disk


def test_a_training_list_that_trains_on_a_held_out_set_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("")
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps({"train": ["a.jsonl"], "held_out": ["a.jsonl"]}))
    with pytest.raises(SystemExit, match="holds out"):
        training.training_files(listing)
    listing.write_text(json.dumps({"train": ["a.jsonl", "gone.jsonl"]}))
    with pytest.raises(SystemExit, match=r"gone\.jsonl"):
        training.training_files(listing)


def test_training_refuses_labels_of_types_no_rule_defines(tmp_path: Path) -> None:
    art = {"id": "x", "title": "", "body": "Chile grumbled.", "gold": {"events": []}}
    art["gold"]["events"].append({"type": "GRUMBLING", "sentence": {"start": 0, "end": 15}})
    (tmp_path / "a.jsonl").write_text(json.dumps(art) + "\n")
    (tmp_path / "list.json").write_text(json.dumps({"train": ["a.jsonl"]}))
    out = tmp_path / "model.json"
    with pytest.raises(SystemExit, match="GRUMBLING"):
        training.main(["--list", str(tmp_path / "list.json"), "--out", str(out)])
    assert not out.exists()


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
