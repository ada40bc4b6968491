"""The actor model (service/tagging/targets.py): names the actor where the role rules named none,
or one it scores far likelier than the ones they named; never touches actors from earlier
sentences."""

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

# sentences written for these tests: (text, event type, the actor the rules alone give, the
# actor with the model)
DECIDED = [
    # no actor from the rules: a label before the subject hides it
    (
        "Missiles: North Korea fired two ballistic missiles into the sea on Monday.",
        "MILITARY_ESCALATION",
        [],
        ["country:PRK"],
    ),
    # no actor from the rules: the possessor of the measure
    (
        "Since the Commerce Department's export ban on our chips took effect in May, we have "
        "sold nothing to Chinese buyers.",
        "SANCTIONS_ACTION",
        [],
        ["org:us-commerce-department"],
    ),
    # the rules take the body asked to condemn; the speaker is who condemns
    (
        "Foreign Minister Ana Duarte called the raid “a crime” and said Lisbon would ask the U.N. "
        "Security Council to condemn it.",
        "CRITICISM",
        ["org:un-security-council"],
        ["person:ana-duarte"],
    ),
]
# the actor comes from an earlier sentence (a pronoun's antecedent): kept as the rules give it
EARLIER = "Emmanuel Macron arrived in Kyiv on Monday. He condemned the strikes on Odesa."


def _off(tmp_path: Path) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "off.json").write_text(json.dumps({"actor_model": {"threshold": 1.0}}))
    return tmp_path


def _event(tagger: Tagger, body: str, etype: str) -> dict[str, Any]:
    (ev,) = [e for e in tagger.tag("t", body, "")[1] if e["type"] == etype]
    return ev


@pytest.mark.parametrize(("body", "etype", "rules", "model"), DECIDED)
def test_the_model_names_the_actor_the_rules_missed(
    tmp_path: Path, body: str, etype: str, rules: list[str], model: list[str]
) -> None:
    assert _event(load_tagger(_off(tmp_path)), body, etype)["actors"] == rules
    ev = _event(load_tagger(), body, etype)
    assert ev["actors"] == model
    assert not set(model) & set(ev["targets"])  # an actor it names is no longer a target


def test_actors_from_earlier_sentences_are_kept(tmp_path: Path) -> None:
    """Even a model that scores every name far above its threshold leaves an actor the rules
    drew from an earlier sentence (a pronoun's antecedent) alone, and adds none beside it."""
    eager = {"threshold": 0.5, "swap_below": 0.4, "bias": 5.0, "weights": {"b": 0.0}}
    (tmp_path / "m.json").write_text(json.dumps({"actor_model": eager}))
    ev = _event(load_tagger(tmp_path), EARLIER, "CRITICISM")
    assert ev["actors"] == ["person:emmanuel-macron"]
    assert ev == _event(load_tagger(_off(tmp_path / "off")), EARLIER, "CRITICISM")


def test_a_replacing_actor_leaves_the_targets_with_its_country(tmp_path: Path) -> None:
    """A model that finds every actor the rules name unlikely and every other name likely: the
    first other name (Kyiv) replaces Moscow, and Ukraine, the country Kyiv stands for, leaves
    the targets, so no party is on both sides."""
    flip = {"threshold": 0.5, "swap_below": 0.3, "bias": 5.0, "weights": {"R A": -10.0}}
    (tmp_path / "m.json").write_text(json.dumps({"actor_model": flip}))
    body = "Moscow launched drones at Kyiv and Ukraine, officials said."
    rules = _event(load_tagger(_off(tmp_path / "off")), body, "MILITARY_ESCALATION")
    assert (rules["actors"], rules["targets"]) == (["place:moscow"], ["country:UKR"])
    ev = _event(load_tagger(tmp_path), body, "MILITARY_ESCALATION")
    assert ev["actors"] == ["place:kyiv"]
    assert "country:UKR" not in ev["targets"]


def test_folded_tables_score_what_the_features_weigh() -> None:
    """``role_logit`` (the tagger's look-ups) equals the bias plus the weights of
    ``actor_features`` (what training fitted), for every name of these tests' events."""
    rules = load_rules()
    model = tg.ActorModel(rules["actor_model"])
    rules["actor_model"] = rules["target_model"] = {}
    tagger = Tagger(rules)
    seen = 0
    for body in [b for b, _, _, _ in DECIDED] + [EARLIER]:
        text = clean(body)
        words = tokenize_sentences(text, sentences(text))
        entities, events = tagger.tag("t", text, "")
        names, countries = training._names(entities)
        starts = [m.start for m in names["body"]]
        for ev in events:
            toks = tg.sentence_toks(words, ev["sentence"]["start"])
            assert toks is not None
            trig = tg.Trigger(toks, ev["trigger"]["start"], ev["trigger"]["end"])
            s0, s1 = ev["sentence"]["start"], ev["sentence"]["end"]
            for i, c, kind in tg.sentence_names(names["body"], starts, s0, s1):
                place = tg.Place(toks, text, trig, c)
                role = tg.role_of(c.entry.id, kind, ev, countries)
                args = (ev["type"], c, place, i, trig.word, bool(ev["targets"]), bool(ev["actors"]))
                feats = set(tg.actor_features(*args, role))  # (training weighs presence)
                summed = model.bias + sum(model.weights.get(f, 0.0) for f in feats)
                assert model.role_logit(*args, role) == pytest.approx(summed, abs=1e-9)
                seen += 1
    assert seen >= 8


def test_swap_below_zero_only_fills_missing_actors(tmp_path: Path) -> None:
    """``swap_below`` 0 keeps every actor the rules named; events without one still get one."""
    (tmp_path / "m.json").write_text(json.dumps({"actor_model": {"swap_below": 0.0}}))
    tagger = load_tagger(tmp_path)
    for body, etype, rules, model in DECIDED:
        assert _event(tagger, body, etype)["actors"] == (rules or model)


@pytest.mark.parametrize(
    ("section", "needle"),
    [
        ({"threshold": 0}, "probability"),
        ({"swap_below": 1.0}, "swap_below"),
        ({"swap_below": "low"}, "swap_below"),
        ({"threshold": 0.4, "swap_below": 0.5}, "under the threshold"),
        ({"treshold": 0.5}, "unknown keys"),
        ({"weights": {"b": 1.0}}, "needs its threshold"),
        ({"threshold": 0.5, "weights": {"b": "high"}}, "feature -> a number"),
    ],
)
def test_a_bad_actor_model_gives_a_clear_error(tmp_path: Path, section: Any, needle: str) -> None:
    (tmp_path / "m.json").write_text(json.dumps({"actor_model": section}))
    with pytest.raises(RulesError, match=needle):
        load_tagger(tmp_path)
    assert check_rules(tmp_path)


def test_the_built_in_model_was_trained_on_todays_training_files() -> None:
    """Retrain (`make model`) whenever a labelled set is added or changed."""
    files, spec = training.training_files(training.DEFAULT_LIST)
    built = load_rules()["actor_model"]
    assert built["trained_on"] == [p.name for p in files]
    assert built["data_sha256"] == training.data_digest(files)
    assert set(built["held_out"]) == set(spec["held_out"])
    assert 0 < built["swap_below"] < built["threshold"] < 1 and len(built["weights"]) > 100
