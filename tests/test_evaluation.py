"""Each scoring rule of taxonomy.md / eval-format.md on small hand-made fixtures, and the CLI."""

from __future__ import annotations

import importlib
import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from service import evaluation
from service.evaluation import (
    Counts,
    Prediction,
    Report,
    argument_counts,
    format_report,
    related,
    report_to_dict,
    score,
    summary_line,
    worst_articles,
)

# --- fixture builders ------------------------------------------------------------------------


def ev(
    etype: str,
    start: int,
    end: int,
    *,
    field: str = "body",
    actors: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
    attributes: dict[str, Any] | None = None,
    modality: str = "asserted",
) -> dict[str, Any]:
    return {
        "type": etype,
        "field": field,
        "sentence": {"start": start, "end": end},
        "actors": list(actors),
        "targets": list(targets),
        "attributes": attributes or {},
        "modality": modality,
    }


def ent(
    eid: str, etype: str, *spans: tuple[int, int], country: str | None = None, field: str = "body"
) -> dict[str, Any]:
    mentions = [{"field": field, "start": s, "end": e, "text": "x" * (e - s)} for s, e in spans]
    return {"id": eid, "type": etype, "name": eid, "country": country, "mentions": mentions}


def article(
    events: list[dict[str, Any]],
    entities: list[dict[str, Any]] | None = None,
    ignore: list[tuple[int, int]] | None = None,
    aid: str = "a1",
) -> dict[str, Any]:
    gold: dict[str, Any] = {"entities": entities or [], "events": events}
    if ignore is not None:
        gold["ignore_sentences"] = [{"field": "body", "start": s, "end": e} for s, e in ignore]
    return {"id": aid, "title": "", "body": "", "gold": gold}


def run(
    gold: dict[str, Any],
    events: list[dict[str, Any]] | None = None,
    entities: list[dict[str, Any]] | None = None,
) -> Report:
    return score([gold], {gold["id"]: (entities or [], events or [])})


def counts(c: Counts) -> tuple[int, int, int]:
    return c.tp, c.fp, c.fn


# --- event detection -------------------------------------------------------------------------


def test_overlapping_sentence_of_same_type_matches() -> None:
    report = run(article([ev("CEASEFIRE", 10, 60)]), [ev("CEASEFIRE", 0, 50)])
    assert counts(report.events) == (1, 0, 0)
    assert report.events.f1 == 1.0


def test_touching_spans_do_not_overlap() -> None:
    report = run(article([ev("CEASEFIRE", 0, 50)]), [ev("CEASEFIRE", 50, 90)])
    assert counts(report.events) == (0, 1, 1)


def test_type_mismatch_is_one_fp_and_one_fn_per_type() -> None:
    report = run(article([ev("TARIFF_THREAT", 0, 50)]), [ev("TARIFF_ACTION", 0, 50)])
    assert counts(report.events) == (0, 1, 1)
    assert counts(report.event_types["TARIFF_THREAT"]) == (0, 0, 1)
    assert counts(report.event_types["TARIFF_ACTION"]) == (0, 1, 0)
    assert report.articles[0].fp_types == {"TARIFF_ACTION": 1}
    assert report.articles[0].fn_types == {"TARIFF_THREAT": 1}


def test_field_must_agree() -> None:
    report = run(article([ev("CEASEFIRE", 0, 50)]), [ev("CEASEFIRE", 0, 50, field="title")])
    assert counts(report.events) == (0, 1, 1)


def test_matching_is_one_to_one() -> None:
    report = run(
        article([ev("CEASEFIRE", 0, 50)]), [ev("CEASEFIRE", 0, 50), ev("CEASEFIRE", 5, 40)]
    )
    assert counts(report.events) == (1, 1, 0)


def test_greedy_matching_prefers_largest_overlap() -> None:
    """Taking pairs in prediction order would pair the first prediction with gold A and
    leave the second unmatched; largest overlap first matches both."""
    gold = article([ev("CEASEFIRE", 0, 50), ev("CEASEFIRE", 50, 100)])
    report = run(gold, [ev("CEASEFIRE", 40, 100), ev("CEASEFIRE", 0, 45)])
    assert counts(report.events) == (2, 0, 0)


def test_missing_prediction_counts_as_nothing_found() -> None:
    report = score([article([ev("CEASEFIRE", 0, 50)])], {})
    assert counts(report.events) == (0, 0, 1)


# --- ignore_sentences ------------------------------------------------------------------------


def test_extra_event_in_ignore_sentence_without_gold_is_not_fp() -> None:
    gold = article([], ignore=[(100, 200)])
    report = run(gold, [ev("CRITICISM", 100, 200)])
    assert counts(report.events) == (0, 0, 0)
    assert report.ignored == 1
    assert report.pred_by_type["CRITICISM"] == 1


def test_extra_event_of_related_type_is_excused_but_gold_still_counts() -> None:
    gold = article([ev("TARIFF_THREAT", 100, 200)], ignore=[(100, 200)])
    report = run(gold, [ev("TARIFF_ACTION", 100, 200)])
    assert counts(report.events) == (0, 0, 1)
    assert report.ignored == 1


def test_extra_event_of_unrelated_type_is_fp() -> None:
    gold = article([ev("CRITICISM", 100, 200)], ignore=[(100, 200)])
    report = run(gold, [ev("TARIFF_ACTION", 100, 200)])
    assert counts(report.events) == (0, 1, 1)
    assert report.ignored == 0


def test_extra_event_outside_ignore_sentence_is_fp() -> None:
    gold = article([], ignore=[(100, 200)])
    report = run(gold, [ev("CRITICISM", 0, 99)])
    assert counts(report.events) == (0, 1, 0)


def test_ignore_sentence_does_not_excuse_a_matched_gold_slot_twice() -> None:
    """The matched prediction is a TP; a second one of a related type is excused, not a TP."""
    gold = article([ev("PEACE_TALKS", 100, 200)], ignore=[(100, 200)])
    report = run(gold, [ev("PEACE_TALKS", 100, 200), ev("CEASEFIRE", 100, 200)])
    assert counts(report.events) == (1, 0, 0)
    assert report.ignored == 1


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("TARIFF_THREAT", "TARIFF_RELIEF", True),
        ("SANCTIONS_ACTION", "SANCTIONS_THREAT", True),
        ("PEACE_TALKS", "ECONOMIC_COOPERATION", True),
        ("MEDIATION", "DIPLOMATIC_CONTACT", True),
        ("CRITICISM", "MILITARY_ESCALATION", True),
        ("NO_COMMENT", "NO_COMMENT", True),
        ("TARIFF_THREAT", "SANCTIONS_THREAT", False),
        ("REJECTION", "PEACE_TALKS", False),
        ("NO_COMMENT", "REJECTION", False),
    ],
)
def test_related_groups(a: str, b: str, expected: bool) -> None:
    assert related(a, b) is expected
    assert related(b, a) is expected


# --- arguments -------------------------------------------------------------------------------


def test_actor_seat_of_government_accepted_for_gold_country_via_country_field() -> None:
    kremlin = ent("org:kremlin", "ORG", (0, 7), country="country:RUS")
    gold = article([ev("REJECTION", 0, 50, actors=("country:RUS",))])
    report = run(gold, [ev("REJECTION", 0, 50, actors=("org:kremlin",))], [kremlin])
    assert counts(report.actors) == (1, 0, 0)


def test_actor_alias_needs_the_country_field() -> None:
    kremlin = ent("org:kremlin", "ORG", (0, 7))
    gold = article([ev("REJECTION", 0, 50, actors=("country:RUS",))])
    report = run(gold, [ev("REJECTION", 0, 50, actors=("org:kremlin",))], [kremlin])
    assert counts(report.actors) == (0, 1, 1)


def test_gold_seat_accepts_predicted_country_it_stands_for() -> None:
    washington = ent("place:washington", "GPE", (0, 10), country="country:USA")
    gold = article([ev("CRITICISM", 0, 50, targets=("place:washington",))])
    report = run(gold, [ev("CRITICISM", 0, 50, targets=("country:USA",))], [washington])
    assert counts(report.targets) == (1, 0, 0)


def test_person_is_not_accepted_for_their_country() -> None:
    putin = ent("person:vladimir-putin", "PERSON", (0, 5), country="country:RUS")
    gold = article([ev("CRITICISM", 0, 50, actors=("country:RUS",))])
    report = run(gold, [ev("CRITICISM", 0, 50, actors=("person:vladimir-putin",))], [putin])
    assert counts(report.actors) == (0, 1, 1)


def test_argument_ids_compare_lower_cased_and_deduplicated() -> None:
    assert counts(argument_counts(["COUNTRY:rus", "country:RUS"], ["country:RUS"], {})) == (1, 0, 0)
    assert counts(argument_counts(["a:x", "b:y"], ["a:x", "c:z"], {})) == (1, 1, 1)


def test_arguments_scored_only_on_matched_events() -> None:
    gold = article([ev("CRITICISM", 0, 50, actors=("country:RUS",))])
    report = run(gold, [ev("REJECTION", 0, 50, actors=("country:UKR",))])
    assert counts(report.actors) == (0, 0, 0)
    assert report.modality.total == 0
    assert "actor_f1=n/a" in summary_line(report)


def test_modality_accuracy() -> None:
    gold = article([ev("DIPLOMATIC_CONTACT", 0, 50, modality="negated"), ev("CEASEFIRE", 60, 90)])
    preds = [ev("DIPLOMATIC_CONTACT", 0, 50, modality="hypothetical"), ev("CEASEFIRE", 60, 90)]
    report = run(gold, preds)
    assert (report.modality.correct, report.modality.total) == (1, 2)


@pytest.mark.parametrize(
    ("pred", "gold", "judged", "right"),
    [
        ([25, 50], [50.0, 25], True, True),
        ([25], [25, 50], True, False),
        (None, [25], True, False),
        ([10], None, True, False),
        (None, None, False, False),
        ([], None, False, False),
    ],
)
def test_rate_pct_compared_by_value(
    pred: list[float] | None, gold: list[float] | None, judged: bool, right: bool
) -> None:
    g_attrs = {} if gold is None else {"rate_pct": gold}
    p_attrs = {} if pred is None else {"rate_pct": pred}
    report = run(
        article([ev("TARIFF_THREAT", 0, 50, attributes=g_attrs)]),
        [ev("TARIFF_THREAT", 0, 50, attributes=p_attrs)],
    )
    assert report.rate_pct.total == int(judged)
    assert report.rate_pct.correct == int(right)


def test_commodity_compared_by_id_case_insensitively() -> None:
    gold = article([ev("TARIFF_ACTION", 0, 50, attributes={"commodity": ["commodity:oil"]})])
    right = run(gold, [ev("TARIFF_ACTION", 0, 50, attributes={"commodity": ["Commodity:OIL"]})])
    wrong = run(gold, [ev("TARIFF_ACTION", 0, 50, attributes={"commodity": ["commodity:gas"]})])
    assert (right.commodity.correct, right.commodity.total) == (1, 1)
    assert (wrong.commodity.correct, wrong.commodity.total) == (0, 1)


# --- entities --------------------------------------------------------------------------------


def test_mention_exact_and_overlap_spans() -> None:
    gold = article([], [ent("person:jane-roe", "PERSON", (10, 18))])
    off_by_one = run(gold, entities=[ent("person:jane-roe", "PERSON", (10, 17))])
    assert counts(off_by_one.mentions_exact) == (0, 1, 1)
    assert counts(off_by_one.mentions_overlap) == (1, 0, 0)
    assert counts(off_by_one.entity_types_overlap["PERSON"]) == (1, 0, 0)


def test_mention_type_must_agree() -> None:
    gold = article([], [ent("country:RUS", "GPE", (0, 6))])
    report = run(gold, entities=[ent("country:RUS", "NORP", (0, 6))])
    assert counts(report.mentions_exact) == (0, 1, 1)
    assert counts(report.mentions_overlap) == (0, 1, 1)
    assert counts(report.entity_types_exact["NORP"]) == (0, 1, 0)
    assert counts(report.entity_types_overlap["GPE"]) == (0, 0, 1)


def test_linking_split_entity_is_not_linked() -> None:
    gold = article([], [ent("person:jane-roe", "PERSON", (0, 8), (50, 53))])
    split = [ent("person:jane-roe", "PERSON", (0, 8)), ent("person:roe", "PERSON", (50, 53))]
    assert run(gold, entities=split).linking.value == 0.0
    joined = [ent("person:jane-roe", "PERSON", (0, 8), (50, 53))]
    assert run(gold, entities=joined).linking.value == 1.0


def test_linking_ignores_entities_with_no_matched_mention() -> None:
    gold = article([], [ent("person:a", "PERSON", (0, 5)), ent("person:b", "PERSON", (20, 25))])
    report = run(gold, entities=[ent("person:a", "PERSON", (0, 5))])
    assert (report.linking.correct, report.linking.total) == (1, 1)


@pytest.mark.parametrize(
    ("predicted", "right"),
    [
        ([ent("country:USA", "GPE", (0, 4))], True),
        ([ent("country:usa", "GPE", (0, 4))], True),
        ([ent("place:washington", "GPE", (0, 4), country="country:USA")], True),
        ([ent("country:CAN", "GPE", (0, 4))], False),
        ([], False),
    ],
)
def test_country_id_check(predicted: list[dict[str, Any]], right: bool) -> None:
    gold = article([], [ent("country:USA", "GPE", (0, 4))])
    report = run(gold, entities=predicted)
    assert (report.country_ids.correct, report.country_ids.total) == (int(right), 1)


# --- nothing to find, report, worst ----------------------------------------------------------


def test_nothing_to_find_article_counts_predicted_events() -> None:
    quiet = article([], aid="sport")
    busy = article([ev("CEASEFIRE", 0, 10)], aid="war")
    preds: dict[str, Prediction] = {
        "sport": ([], [ev("CRITICISM", 0, 5), ev("REJECTION", 6, 9)]),
        "war": ([], []),
    }
    report = score([quiet, busy], preds)
    assert (report.empty_articles, report.empty_article_events) == (1, 2)
    assert counts(report.events) == (0, 2, 1)


def test_counts_edge_cases() -> None:
    assert Counts().f1 == 1.0
    assert Counts(fn=3).f1 == 0.0
    c = Counts(tp=2, fp=2, fn=0)
    assert (c.precision, c.recall, round(c.f1, 4)) == (0.5, 1.0, 0.6667)


def _mixed_report() -> Report:
    good = article([ev("CEASEFIRE", 0, 10)], [ent("country:RUS", "GPE", (0, 6))], aid="good")
    bad = article([ev("TARIFF_THREAT", 0, 10)], aid="bad")
    preds = {
        "good": ([ent("country:RUS", "GPE", (0, 6))], [ev("CEASEFIRE", 0, 10)]),
        "bad": ([], [ev("SANCTIONS_THREAT", 0, 10)]),
    }
    return score([good, bad], preds)


def test_worst_articles_ranked_by_event_f1() -> None:
    report = _mixed_report()
    assert [a.id for a in worst_articles(report, 5)] == ["bad", "good"]
    assert [a.id for a in worst_articles(report, 1)] == ["bad"]


def test_format_report_and_json_agree_on_figures() -> None:
    report = _mixed_report()
    text = format_report(report, worst=1)
    assert text.splitlines()[-1] == summary_line(report)
    assert summary_line(report).startswith("eval: event_f1=0.500 entity_f1=1.000")
    assert "bad" in text and "FP SANCTIONS_THREAT×1 | FN TARIFF_THREAT×1" in text
    data = json.loads(json.dumps(report_to_dict(report, worst=1)))
    assert data["summary"]["event_f1"] == 0.5
    assert data["event_types"]["CEASEFIRE"]["tp"] == 1
    assert data["worst"] == [
        {
            "id": "bad",
            "event_f1": 0.0,
            "entity_f1": 1.0,
            "fp": {"SANCTIONS_THREAT": 1},
            "fn": {"TARIFF_THREAT": 1},
        }
    ]


# --- CLI -------------------------------------------------------------------------------------


class FakeTagger:
    """Predicts one CEASEFIRE over the whole body of every article."""

    def __init__(self) -> None:
        self.info = {"name": "fake", "version": "0", "ruleset": "none"}

    def tag(
        self, article_id: str, body: str, title: str
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        return [], [ev("CEASEFIRE", 0, len(body))]


@pytest.fixture
def fake_tagging(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("service.tagging")
    module.load_tagger = lambda rules_dir=None, ner="rules": FakeTagger()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "service.tagging", module)


def _write_gold(path: Path) -> Path:
    rows = [
        {**article([ev("CEASEFIRE", 0, 9)], aid="x1"), "body": "Truce now."},
        {**article([], aid="x2"), "body": "Match won."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.usefixtures("fake_tagging")
def test_main_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluation.main([str(_write_gold(tmp_path / "g.jsonl")), "--json", "--worst", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert counts(Counts(**{k: data["events"][k] for k in ("tp", "fp", "fn")})) == (1, 1, 0)
    assert data["nothing_to_find"] == {"articles": 1, "predicted_events": 1}
    assert data["run"]["articles"] == 2 and data["run"]["tagger"]["name"] == "fake"
    assert [w["id"] for w in data["worst"]] == ["x2"]


@pytest.mark.usefixtures("fake_tagging")
def test_main_table_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluation.main([str(_write_gold(tmp_path / "g.jsonl"))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("geopulse eval: g.jsonl, 2 articles, tagger fake")
    assert any(line.startswith("speed") and "articles/s" in line for line in out)
    assert out[-1].startswith("eval: event_f1=0.667 ")


def test_main_without_data_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(evaluation, "DEFAULT_EVAL_FILE", tmp_path / "absent.jsonl")
    assert evaluation.main([]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "absent.jsonl" in out


def test_main_missing_given_file_is_an_error(tmp_path: Path) -> None:
    assert evaluation.main([str(tmp_path / "nope.jsonl")]) == 2


def test_main_on_dev_set(capsys: pytest.CaptureFixture[str]) -> None:
    """End to end with the real tagger on the shared dev set, when both are available."""
    dev = evaluation.DEFAULT_EVAL_FILE
    if not dev.is_file():
        pytest.skip(f"no shared dev set at {dev} (only in the team workspace)")
    try:
        tagging = importlib.import_module("service.tagging")
    except ImportError as exc:
        pytest.skip(f"service.tagging not importable: {exc}")
    if not hasattr(tagging, "load_tagger"):
        pytest.skip("service.tagging has no load_tagger yet")
    assert evaluation.main([str(dev), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    n_lines = sum(1 for line in dev.read_text(encoding="utf-8").splitlines() if line.strip())
    assert data["run"]["articles"] == n_lines
    assert data["run"]["tagger_errors"] == 0
    gold_events = sum(t["gold"] for t in data["event_types"].values())
    assert gold_events == data["events"]["tp"] + data["events"]["fn"] > 0
    assert set(data["summary"]) == {
        "event_f1",
        "entity_f1",
        "actor_f1",
        "target_f1",
        "modality_acc",
        "linking",
    }


WRITTEN = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        *[
            (f"written_{x}.jsonl", 0.7)
            for x in [*"abcdefghijklmnopqstuwxyz", "aa", "ab", "ac", "ad", "ae", "ag", "ah"]
        ],
        ("written_aj.jsonl", 0.7),  # its farming trap empty since the fifteenth session
        ("written_ak.jsonl", 0.7),
        # read after they had been scored unseen (0.663, 0.660, 0.712, 0.631): floors under
        # today's figures
        ("written_af.jsonl", 0.6),
        ("written_ai.jsonl", 0.6),
        ("written_al.jsonl", 0.65),
        ("written_am.jsonl", 0.6),
        # the sixteenth session's: AN, AO, AQ and AR read after their unseen scores (0.686,
        # 0.659, 0.748, 0.678), AP, AS and AT never read (AS's fashion trap aside)
        *[(f"written_{x}.jsonl", 0.7) for x in ["an", "aq", "as"]],
        *[(f"written_{x}.jsonl", 0.65) for x in ["ao", "ap", "ar", "at"]],
        # the seventeenth session's: AV and AX read after their unseen scores (0.723, 0.633);
        # AU, AW, AY and AZ never read
        *[(f"written_{x}.jsonl", 0.7) for x in ["aw", "az"]],
        *[(f"written_{x}.jsonl", 0.65) for x in ["av", "ay"]],
        *[(f"written_{x}.jsonl", 0.6) for x in ["au", "ax"]],
        # the eighteenth session's: BD read after its unseen score (0.526); BA, BB, BC, BE
        # and BF not read (four of their sentences were seen in a search's output)
        *[(f"written_{x}.jsonl", 0.7) for x in ["bb", "bc", "bf"]],
        ("written_ba.jsonl", 0.65),
        *[(f"written_{x}.jsonl", 0.6) for x in ["bd", "be"]],
        # the nineteenth session's: BH and BL read after their unseen scores (0.565, 0.722);
        # BG, BI and BK never read (BJ below)
        ("written_bh.jsonl", 0.55),
        *[(f"written_{x}.jsonl", 0.7) for x in ["bg", "bi", "bl"]],
        ("written_bk.jsonl", 0.65),
        # the twentieth session's: BN and BP read after their unseen scores (0.591, 0.571);
        # BM and BO never read (BP below)
        ("written_bn.jsonl", 0.55),
        ("written_bm.jsonl", 0.7),
        ("written_bo.jsonl", 0.65),
        # the twenty-first session's: BR, BS and BT never read (BQ, BU and BV below)
        ("written_br.jsonl", 0.75),
        ("written_bs.jsonl", 0.75),
        ("written_bt.jsonl", 0.6),
        # and BX, BY, CA and CB, written after BS-BV and never read either (BW and BZ below)
        ("written_bx.jsonl", 0.65),
        ("written_by.jsonl", 0.65),
        ("written_ca.jsonl", 0.7),
        ("written_cb.jsonl", 0.65),
        # the sets whose traps drew events until the article model (the twenty-second
        # session): BJ, BQ, BU, BV, BW and BZ never read, BP read (BJ's water-bill story 8 at
        # first scoring, BP's dental-fee story 8, BQ's traps 12, BU's 8, BW's 2, BZ's 8);
        # every trap of theirs comes out empty now (BV's too, but barely: below)
        ("written_bj.jsonl", 0.65),
        ("written_bp.jsonl", 0.55),
        ("written_bq.jsonl", 0.65),
        ("written_bu.jsonl", 0.7),
        ("written_bw.jsonl", 0.6),
        ("written_bz.jsonl", 0.6),
        # the twenty-second session's, written after the article model was settled and never
        # read (scored once: 0.753, 0.621, 0.799, 0.768)
        ("written_cc.jsonl", 0.7),
        ("written_cd.jsonl", 0.55),
        ("written_ce.jsonl", 0.75),
        ("written_cf.jsonl", 0.7),
        # the twenty-third session's, written after both models were settled and never read
        # (scored once with both models: 0.697, 0.753, 0.871; CG, 0.610, is below)
        ("written_ch.jsonl", 0.65),
        ("written_ci.jsonl", 0.7),
        ("written_cj.jsonl", 0.8),
        # written later in the twenty-third session, after its tagger changes, and never read
        # (scored once: 0.700, 0.696, 0.818, 0.761, 0.776, 0.902, 0.670, 0.855)
        ("written_ck.jsonl", 0.65),
        ("written_cl.jsonl", 0.65),
        ("written_cm.jsonl", 0.75),
        ("written_cn.jsonl", 0.7),
        ("written_co.jsonl", 0.7),
        ("written_cp.jsonl", 0.85),
        ("written_cq.jsonl", 0.6),
        ("written_cr.jsonl", 0.8),
        # the twenty-fourth session's, written before its tagger changes and never read
        # (scored once: 0.740, 0.696, 0.820, 0.762, 0.814, 0.815, 0.822, 0.770)
        ("written_cs.jsonl", 0.65),
        ("written_ct.jsonl", 0.6),
        ("written_cu.jsonl", 0.75),
        ("written_cv.jsonl", 0.7),
        ("written_cw.jsonl", 0.75),
        ("written_cx.jsonl", 0.75),
        ("written_cy.jsonl", 0.75),
        ("written_cz.jsonl", 0.7),
        # the twenty-fifth session's, written before its tagger changes and never read
        # (scored once: 0.711, 0.669, 0.764, 0.661, 0.775, 0.761, 0.810, 0.844)
        ("written_da.jsonl", 0.65),
        ("written_db.jsonl", 0.6),
        ("written_dc.jsonl", 0.7),
        ("written_dd.jsonl", 0.6),
        ("written_de.jsonl", 0.7),
        ("written_df.jsonl", 0.7),
        ("written_dg.jsonl", 0.75),
        ("written_dh.jsonl", 0.8),
    ],
)
def test_written_sets_score_and_their_off_topic_articles_stay_empty(
    name: str, floor: float, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project's own labelled articles: no events where there is nothing to find, and no
    collapse of event F1 (a floor well under today's figure, to catch a broken rule file)."""
    assert evaluation.main([str(WRITTEN / name), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["run"]["tagger_errors"] == 0
    assert data["nothing_to_find"]["predicted_events"] == 0
    assert data["summary"]["event_f1"] >= floor


@pytest.mark.parametrize(
    ("name", "floor"), [("written_bv.jsonl", 0.65), ("written_cg.jsonl", 0.55)]
)
def test_a_set_whose_trap_the_article_model_barely_empties_still_scores(
    name: str, floor: float, capsys: pytest.CaptureFixture[str]
) -> None:
    """BV and CG (never read): a trap drew 7 and 10 events until the article model, which gives
    it 0.801 and 0.833 against a threshold of 0.8. A refit (after any training set changes) may
    tip it back, so these sets are held to a floor only, not to an empty trap."""
    assert evaluation.main([str(WRITTEN / name), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["run"]["tagger_errors"] == 0
    assert data["summary"]["event_f1"] >= floor
