"""Score the tagger against labelled articles (taxonomy.md "How it is judged", eval-format.md).

`score()` is pure: gold articles and predictions in, a `Report` out, so every scoring rule is
unit-testable without the tagger. `main()` is the `geopulse eval` command: it loads the data,
runs the tagger (timing tagging alone), scores, and prints a table or one JSON object.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

DEFAULT_EVAL_FILE = Path(__file__).resolve().parents[1].parent / "shared/eval/dev.jsonl"

# Types whose confusion inside an ignore_sentence is forgiven (eval-format.md).
RELATED_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"TARIFF_THREAT", "TARIFF_ACTION", "TARIFF_RELIEF"}),
    frozenset({"SANCTIONS_THREAT", "SANCTIONS_ACTION", "SANCTIONS_RELIEF"}),
    frozenset(
        {"PEACE_TALKS", "CEASEFIRE", "DIPLOMATIC_CONTACT", "MEDIATION", "ECONOMIC_COOPERATION"}
    ),
    frozenset({"CRITICISM", "REJECTION", "MILITARY_ESCALATION"}),
)

# Entity kinds that may stand for their country as an event argument (metonymy: the Kremlin,
# Washington). Persons are excluded so that "Putin" is never scored as "Russia".
METONYM_KINDS = ("place:", "org:")

Entities = list[dict[str, Any]]
Events = list[dict[str, Any]]
Prediction = tuple[Entities, Events]
T = TypeVar("T")
U = TypeVar("U")


# ---------------------------------------------------------------------------------------------
# Report


@dataclass
class Counts:
    """True/false positives and false negatives; P/R/F1 derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """F1; 1.0 when there was nothing to find and nothing was found."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Correct out of total; `value` is None when nothing was judged (not 0: nothing failed)."""

    correct: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.correct += int(right)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "correct": self.correct,
            "total": self.total,
            "value": None if value is None else round(value, 4),
        }


@dataclass
class ArticleScore:
    """Per-article figures, to point at where the tagger fails."""

    id: str
    events: Counts = field(default_factory=Counts)
    entities: Counts = field(default_factory=Counts)
    fp_types: Counter[str] = field(default_factory=Counter)
    fn_types: Counter[str] = field(default_factory=Counter)
    ignored: int = 0


@dataclass
class Report:
    """Everything `score()` measures. Per-type dicts are keyed by event or entity type."""

    events: Counts = field(default_factory=Counts)
    event_types: dict[str, Counts] = field(default_factory=dict)
    gold_by_type: Counter[str] = field(default_factory=Counter)
    pred_by_type: Counter[str] = field(default_factory=Counter)
    ignored: int = 0
    actors: Counts = field(default_factory=Counts)
    targets: Counts = field(default_factory=Counts)
    rate_pct: Accuracy = field(default_factory=Accuracy)
    commodity: Accuracy = field(default_factory=Accuracy)
    modality: Accuracy = field(default_factory=Accuracy)
    mentions_exact: Counts = field(default_factory=Counts)
    mentions_overlap: Counts = field(default_factory=Counts)
    entity_types_exact: dict[str, Counts] = field(default_factory=dict)
    entity_types_overlap: dict[str, Counts] = field(default_factory=dict)
    linking: Accuracy = field(default_factory=Accuracy)
    entity_ids: Accuracy = field(default_factory=Accuracy)
    country_ids: Accuracy = field(default_factory=Accuracy)
    empty_articles: int = 0
    empty_article_events: int = 0
    articles: list[ArticleScore] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Pure scoring


def score(
    gold_articles: Iterable[Mapping[str, Any]], predictions: Mapping[str, Prediction]
) -> Report:
    """Score predictions `{article_id: (entities, events)}` against gold articles.

    An article missing from `predictions` counts as tagged with nothing.
    """
    report = Report()
    for article in gold_articles:
        entities, events = predictions.get(str(article["id"]), ([], []))
        _score_article(report, article, entities, events)
    return report


def _score_article(
    report: Report, article: Mapping[str, Any], entities: Entities, events: Events
) -> None:
    gold = article.get("gold", {})
    result = ArticleScore(id=str(article["id"]))
    countries = _country_map(entities)
    _score_events(report, result, gold, events, countries)
    _score_entities(report, result, gold.get("entities", []), entities)
    if not gold.get("events"):
        report.empty_articles += 1
        report.empty_article_events += len(events)
    report.articles.append(result)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters shared by two [start, end) spans; > 0 means they overlap."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _greedy_match(
    preds: Sequence[T], golds: Sequence[U], affinity: Callable[[T, U], int]
) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, best affinity first; affinity 0 = no match."""
    candidates = [
        (-a, gi, pi)
        for pi, p in enumerate(preds)
        for gi, g in enumerate(golds)
        if (a := affinity(p, g)) > 0
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in sorted(candidates):
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return pairs


def _sentence(event: Mapping[str, Any]) -> tuple[str, int, int]:
    span = event["sentence"]
    return str(event.get("field", "body")), int(span["start"]), int(span["end"])


def _event_affinity(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> int:
    """Sentence overlap when type and field agree, else 0."""
    if pred["type"] != gold["type"]:
        return 0
    pf, ps, pe = _sentence(pred)
    gf, gs, ge = _sentence(gold)
    return _overlap((ps, pe), (gs, ge)) if pf == gf else 0


# --- events ----------------------------------------------------------------------------------


def _score_events(
    report: Report,
    result: ArticleScore,
    gold: Mapping[str, Any],
    preds: Events,
    countries: dict[str, str],
) -> None:
    golds: Events = gold.get("events", [])
    pairs = _greedy_match(preds, golds, _event_affinity)
    matched_p = {pi for pi, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    for pi, gi in pairs:
        _count_type(report, result, preds[pi]["type"], tp=1)
        _score_arguments(report, preds[pi], golds[gi], countries)
    for gi, g in enumerate(golds):
        report.gold_by_type[g["type"]] += 1
        if gi not in matched_g:
            _count_type(report, result, g["type"], fn=1)
    ignore = gold.get("ignore_sentences", [])
    for pi, p in enumerate(preds):
        report.pred_by_type[p["type"]] += 1
        if pi in matched_p:
            continue
        if _excused(p, ignore, golds):
            report.ignored += 1
            result.ignored += 1
        else:
            _count_type(report, result, p["type"], fp=1)


def _count_type(report: Report, result: ArticleScore, etype: str, **delta: int) -> None:
    counts = Counts(**delta)
    report.events.add(counts)
    result.events.add(counts)
    report.event_types.setdefault(etype, Counts()).add(counts)
    if counts.fp:
        result.fp_types[etype] += counts.fp
    if counts.fn:
        result.fn_types[etype] += counts.fn


def related(a: str, b: str) -> bool:
    """Whether two event types are the same or in one related group."""
    return a == b or any(a in group and b in group for group in RELATED_GROUPS)


def _excused(pred: Mapping[str, Any], ignore: Sequence[Mapping[str, Any]], golds: Events) -> bool:
    """An unmatched prediction in a disputable sentence is not a false positive when that
    sentence holds no gold event or one of a related type."""
    field_, start, end = _sentence(pred)
    for sentence in ignore:
        span = (int(sentence["start"]), int(sentence["end"]))
        if sentence.get("field", "body") != field_ or not _overlap((start, end), span):
            continue
        inside = [g["type"] for g in golds if _in_span(g, field_, span)]
        if not inside or any(related(pred["type"], t) for t in inside):
            return True
    return False


def _in_span(event: Mapping[str, Any], field_: str, span: tuple[int, int]) -> bool:
    efield, start, end = _sentence(event)
    return efield == field_ and _overlap((start, end), span) > 0


# --- arguments -------------------------------------------------------------------------------


def _country_map(entities: Entities) -> dict[str, str]:
    """Lower-cased predicted entity id -> lower-cased country id it belongs to or stands for."""
    return {
        str(e["id"]).lower(): str(e["country"]).lower()
        for e in entities
        if e.get("country") and e.get("id")
    }


def same_entity(pred_id: str, gold_id: str, countries: Mapping[str, str]) -> bool:
    """Whether a predicted argument names the gold one: same id (case-insensitive), or a seat
    of government / capital and the country it stands for, in either direction."""
    p, g = pred_id.lower(), gold_id.lower()
    if p == g:
        return True
    if g.startswith("country:") and p.startswith(METONYM_KINDS):
        return countries.get(p) == g
    if p.startswith("country:") and g.startswith(METONYM_KINDS):
        return countries.get(g) == p
    return False


def argument_counts(
    preds: Iterable[str], golds: Iterable[str], countries: Mapping[str, str]
) -> Counts:
    """Entity-level TP/FP/FN of one argument list, matched one-to-one."""
    plist = list(dict.fromkeys(str(p).lower() for p in preds))
    glist = list(dict.fromkeys(str(g).lower() for g in golds))
    pairs = _greedy_match(plist, glist, lambda p, g: int(same_entity(p, g, countries)))
    return Counts(tp=len(pairs), fp=len(plist) - len(pairs), fn=len(glist) - len(pairs))


def _score_arguments(
    report: Report, pred: Mapping[str, Any], gold: Mapping[str, Any], countries: dict[str, str]
) -> None:
    report.actors.add(argument_counts(pred.get("actors", []), gold.get("actors", []), countries))
    report.targets.add(argument_counts(pred.get("targets", []), gold.get("targets", []), countries))
    p_attrs, g_attrs = pred.get("attributes") or {}, gold.get("attributes") or {}
    _score_list_attr(report.rate_pct, p_attrs.get("rate_pct"), g_attrs.get("rate_pct"), float)
    _score_list_attr(report.commodity, p_attrs.get("commodity"), g_attrs.get("commodity"), _lower)
    report.modality.add(pred.get("modality") == gold.get("modality"))


def _lower(value: Any) -> str:
    return str(value).lower()


def _score_list_attr(
    acc: Accuracy, pred: list[Any] | None, gold: list[Any] | None, norm: Callable[[Any], Any]
) -> None:
    """Judge a list attribute by value (order-insensitive) when either side has it."""
    if not pred and not gold:
        return
    acc.add(sorted(map(norm, pred or [])) == sorted(map(norm, gold or [])))


# --- entities --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    field: str
    start: int
    end: int
    type: str
    owner: int  # index of the entity in its list

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def _mentions(entities: Entities) -> list[_Mention]:
    return [
        _Mention(str(m["field"]), int(m["start"]), int(m["end"]), str(e["type"]), i)
        for i, e in enumerate(entities)
        for m in e.get("mentions", [])
    ]


def _mention_affinity(pred: _Mention, gold: _Mention) -> int:
    if pred.type != gold.type or pred.field != gold.field:
        return 0
    return _overlap(pred.span, gold.span)


def _score_entities(
    report: Report, result: ArticleScore, gold_entities: Entities, pred_entities: Entities
) -> None:
    gold_m, pred_m = _mentions(gold_entities), _mentions(pred_entities)
    exact = _exact_counts(report, pred_m, gold_m)
    result.entities.add(exact)
    pairs = _greedy_match(pred_m, gold_m, _mention_affinity)
    _overlap_counts(report, pred_m, gold_m, pairs)
    _score_linking(report, gold_entities, pred_entities, pred_m, gold_m, pairs)
    _score_country_ids(report, gold_entities, pred_entities, pred_m, gold_m)


def _key(m: _Mention) -> tuple[str, int, int, str]:
    return m.field, m.start, m.end, m.type


def _exact_counts(report: Report, pred_m: list[_Mention], gold_m: list[_Mention]) -> Counts:
    pred_keys, gold_keys = {_key(m) for m in pred_m}, {_key(m) for m in gold_m}
    total = Counts()
    for etype in {k[3] for k in pred_keys | gold_keys}:
        p = {k for k in pred_keys if k[3] == etype}
        g = {k for k in gold_keys if k[3] == etype}
        counts = Counts(tp=len(p & g), fp=len(p - g), fn=len(g - p))
        report.entity_types_exact.setdefault(etype, Counts()).add(counts)
        total.add(counts)
    report.mentions_exact.add(total)
    return total


def _overlap_counts(
    report: Report, pred_m: list[_Mention], gold_m: list[_Mention], pairs: list[tuple[int, int]]
) -> None:
    per_type: dict[str, Counts] = {}
    for m in gold_m:
        per_type.setdefault(m.type, Counts()).fn += 1
    for m in pred_m:
        per_type.setdefault(m.type, Counts()).fp += 1
    for pi, _ in pairs:  # a matched pair has one type: turn its FN and FP into one TP
        counts = per_type[pred_m[pi].type]
        counts.tp, counts.fp, counts.fn = counts.tp + 1, counts.fp - 1, counts.fn - 1
    for etype, counts in per_type.items():
        report.entity_types_overlap.setdefault(etype, Counts()).add(counts)
        report.mentions_overlap.add(counts)


def _score_linking(
    report: Report,
    gold_entities: Entities,
    pred_entities: Entities,
    pred_m: list[_Mention],
    gold_m: list[_Mention],
    pairs: list[tuple[int, int]],
) -> None:
    """Linking: a gold entity is linked when its matched mentions share one predicted id.
    Id accuracy: a matched mention is right when its predicted id names the gold entity."""
    resolved: dict[int, set[str]] = {}
    countries = _country_map(pred_entities)
    for pi, gi in pairs:
        pred_id = str(pred_entities[pred_m[pi].owner]["id"]).lower()
        gold_id = str(gold_entities[gold_m[gi].owner]["id"])
        resolved.setdefault(gold_m[gi].owner, set()).add(pred_id)
        report.entity_ids.add(same_entity(pred_id, gold_id, countries))
    for ids in resolved.values():
        report.linking.add(len(ids) == 1)


def _score_country_ids(
    report: Report,
    gold_entities: Entities,
    pred_entities: Entities,
    pred_m: list[_Mention],
    gold_m: list[_Mention],
) -> None:
    """Each gold country mention is right when an overlapping predicted mention's entity has
    that id or that country (eval-format.md); an unfound mention is wrong."""
    for g in gold_m:
        gold_id = str(gold_entities[g.owner]["id"]).lower()
        if not gold_id.startswith("country:"):
            continue
        right = any(
            p.field == g.field
            and _overlap(p.span, g.span)
            and gold_id in _ids_of(pred_entities[p.owner])
            for p in pred_m
        )
        report.country_ids.add(right)


def _ids_of(entity: Mapping[str, Any]) -> set[str]:
    return {str(entity.get("id", "")).lower(), str(entity.get("country") or "").lower()}


# ---------------------------------------------------------------------------------------------
# Report rendering


def summary_figures(report: Report) -> dict[str, float | None]:
    """The headline numbers, shared by the summary line and the JSON output."""
    return {
        "event_f1": report.events.f1,
        "entity_f1": report.mentions_exact.f1,
        "actor_f1": report.actors.f1 if report.events.tp else None,
        "target_f1": report.targets.f1 if report.events.tp else None,
        "modality_acc": report.modality.value,
        "linking": report.linking.value,
    }


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def summary_line(report: Report) -> str:
    """The last line of `geopulse eval`, easy to grep and compare between runs."""
    parts = [f"{name}={_fmt(value)}" for name, value in summary_figures(report).items()]
    return "eval: " + " ".join(parts)


def worst_articles(report: Report, n: int) -> list[ArticleScore]:
    """The n articles with the lowest event F1 (then entity F1): where to look first."""
    ranked = sorted(report.articles, key=lambda a: (a.events.f1, a.entities.f1, a.id))
    return ranked[: max(n, 0)]


def _prf(c: Counts) -> str:
    return f"P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}"


def _acc(a: Accuracy) -> str:
    return f"{_fmt(a.value)} ({a.correct}/{a.total})"


def _type_counter(counter: Counter[str]) -> str:
    return " ".join(f"{t}×{n}" for t, n in sorted(counter.items())) or "-"


def _event_lines(report: Report) -> list[str]:
    e = report.events
    lines = [
        f"events    tp {e.tp}  fp {e.fp}  fn {e.fn}  ignored {report.ignored}   {_prf(e)}",
        f"  {'type':<22} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for etype in sorted(report.event_types):
        c = report.event_types[etype]
        lines.append(
            f"  {etype:<22} {report.gold_by_type[etype]:>5} {report.pred_by_type[etype]:>5}"
            f" {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
        )
    return lines


def _argument_lines(report: Report) -> list[str]:
    return [
        f"arguments (on {report.events.tp} matched events)",
        f"  actors    {_prf(report.actors)}",
        f"  targets   {_prf(report.targets)}",
        f"  rate_pct {_acc(report.rate_pct)}  commodity {_acc(report.commodity)}"
        f"  modality {_acc(report.modality)}",
    ]


def _entity_lines(report: Report) -> list[str]:
    lines = [
        f"entities  exact   {_prf(report.mentions_exact)}",
        f"          overlap {_prf(report.mentions_overlap)}",
        f"  {'type':<12} {'gold':>5} {'pred':>5} {'exact F1':>9} {'overlap F1':>11}",
    ]
    for etype in sorted(report.entity_types_overlap):
        o = report.entity_types_overlap[etype]
        x = report.entity_types_exact.get(etype, Counts())
        lines.append(f"  {etype:<12} {o.tp + o.fn:>5} {o.tp + o.fp:>5} {x.f1:>9.3f} {o.f1:>11.3f}")
    lines.append(
        f"  linking {_acc(report.linking)}  entity ids {_acc(report.entity_ids)}"
        f"  country ids {_acc(report.country_ids)}"
    )
    return lines


def _worst_lines(report: Report, n: int) -> list[str]:
    worst = worst_articles(report, n)
    if not worst:
        return []
    lines = [f"worst {len(worst)} articles", f"  {'id':<16} {'ev F1':>6} {'ent F1':>6}  FP | FN"]
    for a in worst:
        lines.append(
            f"  {a.id:<16} {a.events.f1:>6.3f} {a.entities.f1:>6.3f}"
            f"  FP {_type_counter(a.fp_types)} | FN {_type_counter(a.fn_types)}"
        )
    return lines


def format_report(report: Report, *, worst: int = 5, speed: str = "") -> str:
    """The human-readable table printed by `geopulse eval`."""
    lines = [
        *_event_lines(report),
        *_argument_lines(report),
        *_entity_lines(report),
        f"nothing-to-find articles {report.empty_articles}: "
        f"{report.empty_article_events} predicted events (want 0)",
    ]
    if speed:
        lines.append(speed)
    lines += _worst_lines(report, worst)
    lines.append(summary_line(report))
    return "\n".join(lines)


def report_to_dict(report: Report, *, worst: int = 5) -> dict[str, Any]:
    """A JSON-ready view of the report (figures rounded, worst articles included)."""
    return {
        "summary": {
            k: None if v is None else round(v, 4) for k, v in summary_figures(report).items()
        },
        "events": {**report.events.as_dict(), "ignored": report.ignored},
        "event_types": {
            t: {**c.as_dict(), "gold": report.gold_by_type[t], "pred": report.pred_by_type[t]}
            for t, c in sorted(report.event_types.items())
        },
        "arguments": {
            "actors": report.actors.as_dict(),
            "targets": report.targets.as_dict(),
            "rate_pct": report.rate_pct.as_dict(),
            "commodity": report.commodity.as_dict(),
            "modality": report.modality.as_dict(),
        },
        "entities": {
            "exact": report.mentions_exact.as_dict(),
            "overlap": report.mentions_overlap.as_dict(),
            "types_exact": {t: c.as_dict() for t, c in sorted(report.entity_types_exact.items())},
            "types_overlap": {
                t: c.as_dict() for t, c in sorted(report.entity_types_overlap.items())
            },
            "linking": report.linking.as_dict(),
            "entity_ids": report.entity_ids.as_dict(),
            "country_ids": report.country_ids.as_dict(),
        },
        "nothing_to_find": {
            "articles": report.empty_articles,
            "predicted_events": report.empty_article_events,
        },
        "worst": [
            {
                "id": a.id,
                "event_f1": round(a.events.f1, 4),
                "entity_f1": round(a.entities.f1, 4),
                "fp": dict(a.fp_types),
                "fn": dict(a.fn_types),
            }
            for a in worst_articles(report, worst)
        ],
    }


# ---------------------------------------------------------------------------------------------
# I/O and the command


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read labelled articles, one JSON object a line (blank lines skipped)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass
class TaggingRun:
    """Predictions plus what it took to make them."""

    predictions: dict[str, Prediction]
    seconds: float
    info: dict[str, Any]
    errors: int = 0


def run_tagger(
    articles: Sequence[Mapping[str, Any]], *, ner: str = "rules", rules_dir: Path | None = None
) -> TaggingRun:
    """Tag every article, timing `tag()` alone so loading the tagger does not count as speed.

    An article the tagger raises on counts as tagged with nothing (and as an error), so one
    failure does not hide the figures of the rest.
    """
    # Imported lazily and untyped: scoring must work without the tagger (built in parallel).
    tagging: Any = importlib.import_module("service.tagging")
    tagger = tagging.load_tagger(rules_dir=rules_dir, ner=ner)
    predictions: dict[str, Prediction] = {}
    seconds, errors = 0.0, 0
    for article in articles:
        article_id = str(article["id"])
        started = time.perf_counter()
        try:
            entities, events = tagger.tag(
                article_id, article.get("body") or "", article.get("title") or ""
            )
        except Exception as exc:  # reported, and scored as an empty prediction
            errors += 1
            print(f"eval: tagger failed on {article_id}: {exc!r}", file=sys.stderr)
            entities, events = [], []
        seconds += time.perf_counter() - started
        predictions[article_id] = (list(entities), list(events))
    return TaggingRun(predictions, seconds, dict(getattr(tagger, "info", {}) or {}), errors)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geopulse eval", description="Score the tagger against labelled articles."
    )
    parser.add_argument(
        "file", nargs="?", type=Path, help=f"labelled JSONL (default: {DEFAULT_EVAL_FILE})"
    )
    parser.add_argument("--ner", choices=("rules", "spacy"), default="rules")
    parser.add_argument("--rules-dir", type=Path, default=None, help="extra/override rule files")
    parser.add_argument("--worst", type=int, default=5, metavar="N", help="worst articles shown")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    return parser


def _speed_line(run: TaggingRun, n: int) -> str:
    rate = n / run.seconds if run.seconds > 0 else float("inf")
    errors = f", {run.errors} tagger errors" if run.errors else ""
    timing = f"tagging only: {n} articles in {run.seconds:.3f} s{errors}"
    return f"speed     {rate:.1f} articles/s ({timing})"


def main(argv: list[str] | None = None) -> int:
    """`geopulse eval [FILE] [--ner rules|spacy] [--rules-dir DIR] [--worst N] [--json]`."""
    args = _parser().parse_args(argv)
    path: Path | None = args.file
    if path is None:
        if not DEFAULT_EVAL_FILE.is_file():
            print(
                f"eval: no FILE given and no evaluation data at {DEFAULT_EVAL_FILE}; nothing to do"
            )
            return 0
        path = DEFAULT_EVAL_FILE
    if not path.is_file():
        print(f"eval: {path}: no such file", file=sys.stderr)
        return 2
    articles = load_gold(path)
    run = run_tagger(articles, ner=args.ner, rules_dir=args.rules_dir)
    report = score(articles, run.predictions)
    _print(report, run, path, args)
    return 0


def _print(report: Report, run: TaggingRun, path: Path, args: argparse.Namespace) -> None:
    n = len(report.articles)
    if args.json:
        out = report_to_dict(report, worst=args.worst)
        out["run"] = {
            "file": str(path),
            "articles": n,
            "ner": args.ner,
            "tagger": run.info,
            "tagging_seconds": round(run.seconds, 4),
            "articles_per_second": round(n / run.seconds, 2) if run.seconds > 0 else None,
            "tagger_errors": run.errors,
        }
        print(json.dumps(out, ensure_ascii=False))
        return
    info = run.info
    print(
        f"geopulse eval: {path.name}, {n} articles, tagger {info.get('name', '?')} "
        f"{info.get('version', '?')} ruleset {info.get('ruleset', '?')} (ner={args.ner})"
    )
    print(format_report(report, worst=args.worst, speed=_speed_line(run, n)))
