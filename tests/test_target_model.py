"""The target model (service/tagging/targets.py): it only adds targets the role rules left out,
its folded tables score exactly what its features weigh, it is rule data (off by a threshold of
1, refused when malformed) and it was fitted to today's training files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from service import training
from service.tagging import RulesError, Tagger, check_rules, load_tagger
from service.tagging import targets as tg
from service.tagging.rules import load_rules
from service.tagging.text import clean, sentences, tokenize_sentences

# sentences written for these tests: targets the role rules do not name
ADDED = [
    ("Moscow rejected the proposal from Kyiv on Monday.", "REJECTION", "place:kyiv"),
    (
        "Ottawa imposed a 25% surtax, a move aimed squarely at Chinese steelmakers, aides said.",
        "TARIFF_ACTION",
        "country:CHN",
    ),
]
# a story with many names around its events
STORY = (
    "Brazil and Argentina criticised the European Union on Friday after Brussels delayed a vote "
    "on the Mercosur deal, while France said Paris would reject any pact that hurt its farmers. "
    "Speaking in Montevideo, Uruguay's foreign minister warned that Spain and Portugal could "
    "lose patience, and Germany's chancellor called Lula to discuss the talks in Asuncion."
)
# and sentences whose arguments the rules already settle (or the model must not touch)
SETTLED = [
    "BEIJING, May 2 (Harbour Wire) - The United States imposed new tariffs on steel, aides said.",
    "The European Union banned imports of Belarusian potash on Monday, accusing Minsk of "
    "smuggling migrants across the border near Vilnius.",
    "Iran dismissed the resolution tabled by France, Germany and Britain at the IAEA board.",
    "Washington slapped sanctions on three Venezuelan officials on Tuesday.",
    "Japan and Australia signed a critical-minerals agreement in Canberra.",
    "The European Union threatened tariffs on American whiskey if talks failed.",
    "Beijing's foreign ministry declined to comment on the report.",
]


def _off(tmp_path: Path) -> Path:
    (tmp_path / "off.json").write_text(json.dumps({"target_model": {"threshold": 1.0}}))
    return tmp_path


CAPITALS = {"place:beijing": "country:CHN", "place:minsk": "country:BLR"}


def _party(eid: str) -> str:
    """The country a capital of these tests stands for, else the id."""
    return CAPITALS.get(eid, eid)


def _events(tagger: Tagger, body: str) -> list[dict[str, Any]]:
    return tagger.tag("t", body, "")[1]


@pytest.mark.parametrize(("body", "etype", "target"), ADDED)
def test_the_model_adds_a_target_the_rules_missed(
    tmp_path: Path, body: str, etype: str, target: str
) -> None:
    rules_only = {e["type"]: e for e in _events(load_tagger(_off(tmp_path)), body)}
    with_model = {e["type"]: e for e in _events(load_tagger(), body)}
    assert target not in rules_only[etype]["targets"]
    assert target in with_model[etype]["targets"]


@pytest.mark.parametrize("body", [b for b, _, _ in ADDED] + SETTLED + [STORY])
def test_the_model_only_adds_and_changes_nothing_else(tmp_path: Path, body: str) -> None:
    """Same events, same actors; the rules' targets first and kept."""
    before = _events(load_tagger(_off(tmp_path)), body)
    after = _events(load_tagger(), body)
    assert [e["type"] for e in before] == [e["type"] for e in after]
    for b, a in zip(before, after, strict=True):
        assert a["actors"] == b["actors"]
        assert a["targets"][: len(b["targets"])] == b["targets"]
        assert not set(a["targets"]) & set(a["actors"])
        # no party twice (a capital and its country), and never a dateline's city or agency
        assert len(set(map(_party, a["targets"]))) == len(a["targets"])
        assert not {_party(t) for t in a["targets"]} & {_party(x) for x in a["actors"]}
        assert "place:beijing" not in a["targets"]
        assert {k: v for k, v in a.items() if k != "targets"} == {
            k: v for k, v in b.items() if k != "targets"
        }


def test_folded_tables_score_what_the_features_weigh() -> None:
    """``logit`` (the tagger's look-ups) equals the bias plus the weights of ``features`` (what
    training fitted), for every name without a role in sentences of these tests."""
    rules = load_rules()
    model = tg.TargetModel(rules["target_model"])
    rules["target_model"] = {}
    tagger = Tagger(rules)
    seen = 0
    for body in [b for b, _, _ in ADDED] + SETTLED + [STORY]:
        text = clean(body)
        words = tokenize_sentences(text, sentences(text))
        entities, events = tagger.tag("t", text, "")
        names, countries = training._names(entities)
        starts = [m.start for m in names["body"]]
        for ev in events:
            toks = tg.sentence_toks(words, ev["sentence"]["start"])
            assert toks is not None
            trig = tg.Trigger(toks, ev["trigger"]["start"], ev["trigger"]["end"])
            named = tg.sentence_names(
                names["body"], starts, ev["sentence"]["start"], ev["sentence"]["end"]
            )
            for i, c in tg.unassigned(ev, named, countries):
                place = tg.Place(toks, text, trig, c)
                args = (ev["type"], c, place, i, trig.word, bool(ev["targets"]), bool(ev["actors"]))
                feats = set(tg.features(*args))  # (training weighs presence)
                summed = model.bias + sum(model.weights.get(f, 0.0) for f in feats)
                assert model.logit(*args) == pytest.approx(summed, abs=1e-9)
                seen += 1
    assert seen >= 8


def test_names_already_arguments_are_not_candidates() -> None:
    """By id, or a capital standing for its country (as the scoring counts them)."""
    text = "Moscow rejected the proposal from Kyiv and Russia said so."
    tagger = load_tagger()
    entities, _ = tagger.tag("t", text, "")
    names, countries = training._names(entities)
    starts = [m.start for m in names["body"]]
    named = tg.sentence_names(names["body"], starts, 0, len(text))
    assert [m.entry.id for _, m, _ in named] == ["place:moscow", "place:kyiv", "country:RUS"]
    event = {"actors": ["place:moscow"], "targets": []}
    free = [m.entry.id for _, m in tg.unassigned(event, named, countries)]
    assert free == ["place:kyiv"]  # Russia is Moscow's country: already the actor


def test_an_actors_own_country_is_not_a_candidate() -> None:
    """A person's own country ("French troops" in Macron's sentence) is never scored, as the
    role rules hold it out of an event named inside the trigger; its cities still are."""
    text = "Emmanuel Macron said French troops could go to Ukraine, Paris said."
    tagger = load_tagger()
    entities, _ = tagger.tag("t", text, "")
    names, countries = training._names(entities)
    assert countries["person:emmanuel-macron"] == "country:FRA"
    starts = [m.start for m in names["body"]]
    named = tg.sentence_names(names["body"], starts, 0, len(text))
    event = {"actors": ["person:emmanuel-macron"], "targets": []}
    free = [m.entry.id for _, m in tg.unassigned(event, named, countries)]
    assert free == ["country:UKR", "place:paris"]
    # with no actor whose country is known, France is a candidate like any name
    free = [m.entry.id for _, m in tg.unassigned({"actors": [], "targets": []}, named, countries)]
    assert "country:FRA" in free


def test_a_threshold_of_one_or_no_weights_turn_the_model_off() -> None:
    assert not tg.TargetModel({"threshold": 1.0, "bias": 0.0, "weights": {"b": 9.0}}).on
    assert not tg.TargetModel({"threshold": 0.5, "weights": {}}).on
    assert tg.TargetModel({"threshold": 0.5, "weights": {"b": 1.0}}).on


@pytest.mark.parametrize(
    ("section", "needle"),
    [
        ({"threshold": 0}, "probability"),
        ({"treshold": 0.5}, "unknown keys"),
        ({"weights": {"b": 1.0}}, "needs its threshold"),
        ({"threshold": 0.5, "weights": {"b": "high"}}, "feature -> a number"),
        ({"threshold": 0.5, "weights": []}, "object of feature"),
        ([], "expected an object"),
    ],
)
def test_a_bad_target_model_gives_a_clear_error(tmp_path: Path, section: Any, needle: str) -> None:
    (tmp_path / "m.json").write_text(json.dumps({"target_model": section}))
    with pytest.raises(RulesError, match=needle):
        load_tagger(tmp_path)
    assert check_rules(tmp_path)


def test_a_model_of_ones_own_replaces_the_built_in_one(tmp_path: Path) -> None:
    """A file with weights replaces the model whole: here one that makes every name without a
    role a target."""
    own = {"target_model": {"threshold": 0.5, "bias": 5.0, "weights": {"b": 0.0}}}
    (tmp_path / "m.json").write_text(json.dumps(own))
    body = "Beijing's foreign ministry declined to comment on the report about Japan."
    events = _events(load_tagger(tmp_path), body)
    assert events and all("country:JPN" in e["targets"] for e in events)


def test_the_built_in_model_was_trained_on_todays_training_files() -> None:
    """Retrain (`make model`) whenever a labelled set is added or changed."""
    files, spec = training.training_files(training.DEFAULT_LIST)
    built = load_rules()["target_model"]
    assert built["trained_on"] == [p.name for p in files]
    assert built["data_sha256"] == training.data_digest(files)
    assert set(built["held_out"]) == set(spec["held_out"])
    assert 0 < built["threshold"] < 1 and len(built["weights"]) > 100
